import type { Db } from '../../db/types.js';
import type { SearchedTable } from './searched-tables.js';
import { nameKey, type SearchWords } from './search-words.js';

/** Live rows read to judge how common a query is; a smaller organisation is read whole by it. */
export const SAMPLE_ROWS = 10_000;

/** Some of an organisation's live rows, read without the GIN index. */
export interface MatchSample {
  /** Rows read: fewer than SAMPLE_ROWS means every live row. */
  rows: number;
  /** Of those, rows matching the query. */
  matches: number;
  /** The newest of those matches whose name does not start with the query, up to the limit. */
  otherIds: string[];
}

/**
 * Up to `limit` live rows of a table with whether each matches the query and its name starts
 * with it, in whatever order is cheapest. The LIMIT keeps the match from reaching the GIN index,
 * and the query is parsed once (a generic plan would parse a bound tsquery for every row).
 */
export const liveRowsMatched = (table: SearchedTable, words: SearchWords, limit: number) =>
  `SELECT r.id, r.search_vector @@ q.query AS hit, ${nameKey('r')} LIKE ${words.namePrefixLiteral} AS name_hit
     FROM (SELECT r.id, r.search_vector, r.search_text FROM ${table} r
            WHERE r.org_id = ? AND r.deleted_at IS NULL LIMIT ${limit}) r
    CROSS JOIN to_tsquery('simple', ?) q(query)`;

export async function sampleMatches(
  db: Db,
  table: SearchedTable,
  orgId: string,
  words: SearchWords,
  limit: number,
): Promise<MatchSample> {
  const { rows } = await db.raw<{ rows: { rows: number; matches: number; other_ids: string[] | null }[] }>(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE w.hit)::int AS matches,
            (array_agg(w.id::text ORDER BY w.id DESC) FILTER (WHERE w.hit AND NOT w.name_hit))[1:${limit}] AS other_ids
       FROM (${liveRowsMatched(table, words, SAMPLE_ROWS)}) w`,
    [orgId, words.tsquery],
  );
  const row = rows[0]!;
  return { rows: row.rows, matches: row.matches, otherIds: row.other_ids ?? [] };
}
