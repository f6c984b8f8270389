import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run against the TypeScript sources of the workspace packages, not their builds.
const alias = [
  { find: /^@inbox-crm\/shared$/, replacement: source('./shared/src/index.ts') },
  { find: /^@inbox-crm\/shared\/client$/, replacement: source('./shared/src/client.ts') },
  {
    find: /^@inbox-crm\/shared\/phone-display$/,
    replacement: source('./shared/src/domain/phone-display.ts'),
  },
  { find: /^@inbox-crm\/migrations$/, replacement: source('./migrations/src/index.ts') },
  { find: /^@inbox-crm\/addin-gmail$/, replacement: source('./addin-gmail/src/index.ts') },
  { find: /^@inbox-crm\/server$/, replacement: source('./server/src/index.ts') },
  { find: /^@inbox-crm\/manifests$/, replacement: source('./manifests/src/index.ts') },
  { find: /^@inbox-crm\/addin-outlook$/, replacement: source('./addin-outlook/src/index.ts') },
];

export default defineConfig({
  resolve: { alias },
  test: {
    // A file's app and worker start in fixtures (tests/support/suite.ts) when its first test asks
    // for them, and that start counts against the first test's time: on a busy 2-core machine an
    // app's migrations alone can take a good part of 30 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A page waited on with expect.poll may be slow to answer while the other worker starts an
    // app; a second (vitest's default) failed pages that showed up in time on a quiet machine.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          include: [
            '{shared,server,addin-gmail,migrations,manifests}/src/**/*.test.ts',
            'addin-outlook/src/**/*.test.ts',
            'tests/{api,e2e,gmail,workflow,service-desk,privacy,data-transfer}/**/*.test.ts',
          ],
        },
      },
      {
        // Components rendered in happy-dom, talking to a real server over HTTP.
        extends: true,
        plugins: [react()],
        test: {
          name: 'components',
          environment: 'happy-dom',
          globalSetup: ['tests/components/server-setup.ts'],
          setupFiles: ['tests/components/no-web-animations.ts'],
          include: ['tests/components/**/*.test.tsx'],
        },
      },
    ],
  },
});
