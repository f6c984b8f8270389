import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../open-database.js';
import { exitOnError } from '../startup-errors.js';

/** `pnpm migrate`: brings the configured database's schema up to date and exits. */
async function main(): Promise<void> {
  const database = await openConfiguredDatabase(loadConfig());
  const rows = await database.knex<{ name: string }>('knex_migrations').orderBy('id').select('name');
  console.log(
    `Database is up to date (${database.kind}); ${rows.length} migration(s) applied: ${rows.map((row) => row.name).join(', ')}`,
  );
  await database.close();
}

main().catch(exitOnError('Could not migrate the database'));
