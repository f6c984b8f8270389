import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.js';

// One build serves both surfaces: the server answers /outlook/ and /app/ with this index.html,
// and the assets live under /outlook/assets/.
export default defineConfig({
  base: '/outlook/',
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
});
