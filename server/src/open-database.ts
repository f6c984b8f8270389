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
