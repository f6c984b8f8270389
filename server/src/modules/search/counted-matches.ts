import { LIST_COUNT_CAP, type ListCount } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { liveRowsMatched, SAMPLE_ROWS, type MatchSample } from './match-sample.js';
import type { SearchedTable } from './searched-tables.js';
import { nameKey, type SearchWords } from './search-words.js';

// Counting the matches of a word prefix up to the cap costs what it reads. The GIN index reads
// every match before the first row comes back (about 0.4 µs each: 400 ms for a letter a million
// contacts share), while walking the table reads rows until the cap is reached (10,001 rows when
// everything matches, the whole table when nothing does). So the sample decides: a common query
// walks, a rare one uses the index, and either stays within tens of milliseconds on 1M rows.

/** From this share of matches in the sample, walking to the cap beats the index. */
const COMMON_SHARE = 0.1;
/** Rows a walk reads at most: twice what the common share needs to reach the cap. */
const WALK_ROWS = Math.ceil((2 * (LIST_COUNT_CAP + 1)) / COMMON_SHARE);

/** How many live rows match (up to the cap), and the newest of those whose name does not start with the query. */
export interface CountedMatches {
  total: ListCount;
  otherIds: string[];
}

const capped = (n: number): ListCount => ({ value: Math.min(n, LIST_COUNT_CAP), capped: n > LIST_COUNT_CAP });

async function walkCount(db: Db, table: SearchedTable, orgId: string, words: SearchWords) {
  const { rows } = await db.raw<{ rows: { n: number }[] }>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM (${liveRowsMatched(table, words, WALK_ROWS)}) w WHERE w.hit LIMIT ${LIST_COUNT_CAP + 1}) m`,
    [orgId, words.tsquery],
  );
  return rows[0]!.n;
}

/** Through the GIN index: the matches up to the cap, counted, and the newest others among them. */
async function indexedMatches(
  db: Db,
  table: SearchedTable,
  orgId: string,
  words: SearchWords,
  limit: number,
) {
  const { rows } = await db.raw<{ rows: { n: number; other_ids: string[] }[] }>(
    `WITH m AS MATERIALIZED (
       SELECT r.id, ${nameKey('r')} LIKE ${words.namePrefixLiteral} AS name_hit FROM ${table} r
        WHERE r.org_id = ? AND r.deleted_at IS NULL AND r.search_vector @@ to_tsquery('simple', ?)
        LIMIT ${LIST_COUNT_CAP + 1})
     SELECT (SELECT count(*)::int FROM m) AS n,
            ARRAY(SELECT m.id::text FROM m WHERE NOT m.name_hit ORDER BY m.id DESC LIMIT ${limit}) AS other_ids`,
    [orgId, words.tsquery],
  );
  const row = rows[0]!;
  return { total: capped(row.n), otherIds: row.other_ids };
}

/** The matches the list filtered by the same q holds, counted as it counts them. */
export async function countedMatches(
  db: Db,
  table: SearchedTable,
  orgId: string,
  words: SearchWords,
  sample: MatchSample,
  limit: number,
): Promise<CountedMatches> {
  if (sample.rows < SAMPLE_ROWS) return { total: capped(sample.matches), otherIds: sample.otherIds };
  // A common query: the sample holds plenty of other matches, and walking reaches the cap soon.
  if (sample.matches >= COMMON_SHARE * sample.rows) {
    const walked = await walkCount(db, table, orgId, words);
    if (walked > LIST_COUNT_CAP) return { total: capped(walked), otherIds: sample.otherIds };
  }
  return indexedMatches(db, table, orgId, words, limit);
}
