import type { Db } from '../../db/types.js';
import type { SearchedTable } from './searched-tables.js';
import { nameKey, type SearchWords } from './search-words.js';

/**
 * Live rows whose name starts with the query, in name order: one range of the name index. The
 * words are checked on the rows it yields (outside the LIMIT, so never through the GIN index):
 * a name starting with the query has its words, and the check keeps these a subset of the count.
 */
export async function namePrefixIds(
  db: Db,
  table: SearchedTable,
  orgId: string,
  words: SearchWords,
  limit: number,
): Promise<string[]> {
  const { rows } = await db.raw<{ rows: { id: string }[] }>(
    `SELECT w.id FROM (
       SELECT r.id, r.search_vector FROM ${table} r
        WHERE r.org_id = ? AND r.deleted_at IS NULL AND ${nameKey('r')} LIKE ${words.namePrefixLiteral}
        ORDER BY ${nameKey('r')} USING ~<~ LIMIT ${limit * 2}) w
      CROSS JOIN to_tsquery('simple', ?) q(query)
      WHERE w.search_vector @@ q.query LIMIT ${limit}`,
    [orgId, words.tsquery],
  );
  return rows.map((row) => row.id);
}
