import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources of the workspace packages, not their builds.
    alias: {
      '@inbox-crm/shared': source('./shared/src/index.ts'),
      '@inbox-crm/migrations': source('./migrations/src/index.ts'),
      '@inbox-crm/addin-gmail': source('./addin-gmail/src/index.ts'),
      '@inbox-crm/server': source('./server/src/index.ts'),
    },
  },
  test: {
    include: ['{shared,server,addin-gmail,migrations}/src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
