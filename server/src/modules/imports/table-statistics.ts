import type { Knex } from 'knex';

// The tables an import looks records up in. One it fills from nothing (a new installation's first
// import) keeps the planner's estimate of an empty table until autovacuum comes round: lookups by
// index then run as scans of the whole table, each slower than the last.
const LOOKUP_TABLES = ['contacts', 'contact_emails', 'accounts', 'account_domains', 'external_ids'];

/**
 * Brings the lookup tables' statistics up to date after chunks 1, 2, 4, 8 … of an import: a few
 * times for a large one, each when the tables may have doubled.
 */
export async function refreshStatistics(knex: Knex, chunk: number): Promise<void> {
  if (chunk < 1 || (chunk & (chunk - 1)) !== 0) return;
  try {
    await knex.raw(`ANALYZE ${LOOKUP_TABLES.join(', ')}`);
  } catch {
    // A database user that may not analyze keeps autovacuum's statistics: slower, still correct.
  }
}
