import type { Database } from './database.js';

/**
 * Gathers the planner's statistics on the embedded database. PGlite runs PostgreSQL without its
 * autovacuum, so nothing else ever does: every table would be planned as if it were a few pages of
 * unknown rows (the sender view, asked for every message, read indexes it had no use for). Run at each
 * start once the data is in (the demo company included); between starts the planner scales the
 * row counts it has by each table's current size. PostgreSQL analyses on its own: nothing to do.
 */
export async function gatherEmbeddedStatistics(database: Database): Promise<void> {
  if (database.kind === 'pglite') await database.knex.raw('ANALYZE');
}
