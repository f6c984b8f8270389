import type { Knex } from 'knex';
import { migrationSource } from '@inbox-crm/migrations';
import { rebuildSearchIndex } from '../modules/activity-search/index.js';

/**
 * Brings the schema up to date, then the search index (rebuilt in batches when its documents are
 * older than the server's: see rebuildSearchIndex); returns the names of the migrations it ran.
 */
export async function runMigrations(knex: Knex): Promise<string[]> {
  const [, ran] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
  await rebuildSearchIndex(knex);
  return ran;
}
