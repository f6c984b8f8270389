import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import {
  buildApp,
  openPglite,
  openPostgres,
  runMigrations,
  type App,
  type AppOptions,
  type Database,
} from '@inbox-crm/server';

export interface TestApp {
  app: App;
  database: Database;
  close(): Promise<void>;
}

/**
 * The whole server on the run's database: this run's own PostgreSQL database when DATABASE_URL is
 * set (see global-setup), otherwise a migrated in-memory PGlite for this test file.
 */
export async function startTestApp(
  url: string | null = inject('testDatabaseUrl'),
  options: Partial<Pick<AppOptions, 'publicUrl' | 'gmail' | 'outlookAddInId' | 'tls'>> = {},
): Promise<TestApp> {
  const database = url ? openPostgres(url, 10) : await openPglite(':memory:');
  if (!url) await runMigrations(database.knex);
  const app = await buildApp({
    database,
    jwtSecret: randomBytes(32).toString('hex'),
    publicUrl: 'http://localhost:3000',
    ...options,
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
