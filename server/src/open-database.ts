import type { Config } from './config.js';
import { openPglite, openPostgres, type Database } from './db/database.js';
import { runMigrations } from './db/migrate.js';

/** The configured database, migrated: PostgreSQL with DATABASE_URL, else embedded PGlite in DATA_DIR. */
export async function openConfiguredDatabase(
  config: Pick<Config, 'databaseUrl' | 'databasePoolMax' | 'dataDir'>,
): Promise<Database> {
  const database = config.databaseUrl
    ? openPostgres(config.databaseUrl, config.databasePoolMax)
    : await openPglite(config.dataDir);
  try {
    await runMigrations(database.knex);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * The database reports read: a pool of their own (to the read replica in DATABASE_REPORTS_URL, or
 * the primary), so that long reports wait for each other, not the sender view. The embedded
 * database has one connection, which reports share.
 */
export function openReportsDatabase(
  config: Pick<Config, 'databaseUrl' | 'databaseReportsUrl' | 'databaseReportsPoolMax'>,
  primary: Database,
): Database {
  const url = config.databaseReportsUrl ?? config.databaseUrl;
  if (primary.kind === 'pglite' || !url) return { ...primary, close: async () => {} };
  return openPostgres(url, config.databaseReportsPoolMax);
}
