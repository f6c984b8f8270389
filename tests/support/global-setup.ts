import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import type { TestProject } from 'vitest/node';
import { migrationSource } from '@inbox-crm/migrations';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database of this run's own, or null to use in-memory PGlite per test file. */
    testDatabaseUrl: string | null;
    /** DATABASE_URL itself, for a test file that needs a database of its own; null on PGlite. */
    testServerUrl: string | null;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A migrated database of its own on the server `serverUrl` names, and how to drop it. */
export async function createRunDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `inboxcrm_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
  await admin.raw(`CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  const migrator = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  try {
    await migrator.migrate.latest({ migrationSource });
  } finally {
    await migrator.destroy();
  }
  return {
    url,
    drop: async () => {
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

/**
 * With DATABASE_URL set, every run gets a fresh database on that server (created here, dropped
 * afterwards), so the named database itself is never changed and runs cannot see each other's rows.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const serverUrl = process.env.DATABASE_URL;
  project.provide('testServerUrl', serverUrl ?? null);
  if (!serverUrl) {
    project.provide('testDatabaseUrl', null);
    return undefined;
  }
  const database = await createRunDatabase(serverUrl);
  project.provide('testDatabaseUrl', database.url);
  return () => database.drop();
}
