import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createRunDatabase } from './global-setup.js';
import {
  buildApp,
  openPglite,
  openPostgres,
  runMigrations,
  type App,
  type AppOptions,
  type Database,
  ManualClock,
} from '@inbox-crm/server';

/** The key the test apps seal mailbox secrets with: a test's mailbox readers open them with it. */
export const TEST_SECRETS_KEY = 'test-secrets-key-'.padEnd(48, 'x');

/** What a test may set on the app it starts. */
export type TestAppOptions = Partial<
  Pick<
    AppOptions,
    | 'publicUrl'
    | 'gmail'
    | 'gmailApiUrl'
    | 'outlookAddInId'
    | 'tls'
    | 'emailEnabled'
    | 'webhookAllowPrivate'
    | 'mailboxAllowPrivate'
    | 'attachmentLimits'
  >
>;

export interface TestApp {
  app: App;
  database: Database;
  /** The app's clock (standing still until moved); a test worker shares it. */
  clock: ManualClock;
  close(): Promise<void>;
}

/**
 * The whole server on the run's database: this run's own PostgreSQL database when DATABASE_URL is
 * set (see global-setup), otherwise a migrated in-memory PGlite for this test file.
 */
export async function startTestApp(
  url: string | null = inject('testDatabaseUrl'),
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = url ? openPostgres(url, 10) : await openPglite(':memory:');
  if (!url) await runMigrations(database.knex);
  return serve(database, options);
}

/**
 * The whole server on a database of this test file's own: a fresh migrated PostgreSQL database
 * (dropped at close) when the run has one, otherwise in-memory PGlite as usual. For files that run
 * a worker: a worker takes due jobs of every organisation in its database, by its own clock, so
 * files sharing a database would run each other's jobs at the wrong time.
 */
export async function startIsolatedTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = inject('testServerUrl');
  if (!serverUrl) return startTestApp(null, options);
  const own = await createRunDatabase(serverUrl);
  const testApp = await serve(openPostgres(own.url, 10), options);
  return {
    ...testApp,
    close: async () => {
      await testApp.close();
      await own.drop();
    },
  };
}

async function serve(database: Database, options: TestAppOptions): Promise<TestApp> {
  const clock = new ManualClock();
  const app = await buildApp({
    database,
    clock,
    jwtSecret: randomBytes(32).toString('hex'),
    secretsKey: TEST_SECRETS_KEY,
    publicUrl: 'http://localhost:3000',
    // The suites' webhook receivers listen on loopback; webhook-ssrf.test.ts turns this off.
    webhookAllowPrivate: true,
    // Dovecot in the suites listens on loopback without TLS.
    mailboxAllowPrivate: true,
    ...options,
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
