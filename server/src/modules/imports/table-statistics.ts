import type { Knex } from 'knex';

// The tables an import looks records up in. One it fills from nothing (a new installation's first
// import) keeps the planner's estimate of an empty table until autovacuum comes round: lookups by
// index then run as scans of the whole table, each slower than the last.
const LOOKUP_TABLES = ['contacts', 'contact_emails', 'accounts', 'account_domains', 'external_ids'];

const SMALL_TABLES = `SELECT c.relname AS name FROM pg_class c
  WHERE c.oid IN (SELECT to_regclass(t) FROM unnest(CAST(? AS text[])) t) AND c.reltuples < ?`;

/**
 * Brings the statistics of the lookup tables the import may have doubled up to date, after chunks
 * 1, 2, 4, 8 … of the import: those the planner thinks hold fewer rows than the import has written.
 * A table of a million rows is left alone (analysing it would cost more than it changes).
 */
export async function refreshStatistics(knex: Knex, chunk: number, rowsWritten: number): Promise<void> {
  if (chunk < 1 || (chunk & (chunk - 1)) !== 0) return;
  try {
    const { rows } = await knex.raw<{ rows: { name: string }[] }>(SMALL_TABLES, [LOOKUP_TABLES, rowsWritten]);
    if (rows.length > 0) await knex.raw(`ANALYZE ${rows.map((row) => row.name).join(', ')}`);
  } catch {
    // A database user that may not analyze keeps autovacuum's statistics: slower, still correct.
  }
}
