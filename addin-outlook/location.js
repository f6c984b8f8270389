import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the built app (vite build), which the server serves at /outlook/ and /app/. */
export const outlookAppDir = join(dirname(fileURLToPath(import.meta.url)), 'dist');
