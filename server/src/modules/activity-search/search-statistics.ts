import type { ParsedSearch, SearchClause } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import type { TagCondition } from './tsquery.js';

/** How long this instance trusts the statistics it read (ANALYZE refreshes them far less often). */
const STATISTICS_TTL_MS = 5 * 60 * 1000;

let cached: { at: number; frequencies: Map<string, number> } | null = null;

/**
 * The share of indexed activities holding each of the most common lexemes, as ANALYZE found them
 * (pg_stats' most common elements of the document column); empty before the first ANALYZE.
 */
async function lexemeFrequencies(db: Db): Promise<Map<string, number>> {
  if (cached && Date.now() - cached.at < STATISTICS_TTL_MS) return cached.frequencies;
  const { rows } = await db.raw<{ rows: { lexemes: string[] | null; frequencies: number[] | null }[] }>(
    `SELECT most_common_elems::text::text[] AS lexemes, most_common_elem_freqs AS frequencies
     FROM pg_stats WHERE tablename = 'activity_search' AND attname = 'document'`,
  );
  const frequencies = new Map<string, number>();
  const row = rows[0];
  for (const [index, lexeme] of (row?.lexemes ?? []).entries())
    frequencies.set(lexeme, row?.frequencies?.[index] ?? 0);
  cached = { at: Date.now(), frequencies };
  return frequencies;
}

/** A lexeme's share; one the statistics do not list is rarer than any they do, so counted as none. */
function share(frequencies: Map<string, number>, lexeme: string, prefix: boolean): number {
  if (!prefix) return frequencies.get(lexeme) ?? 0;
  let most = 0;
  for (const [known, frequency] of frequencies)
    if (known.startsWith(lexeme)) most = Math.max(most, frequency);
  return most;
}

function clauseShare(frequencies: Map<string, number>, clause: SearchClause): number {
  // A phrase is no commoner than its rarest word.
  return Math.min(...clause.words.map((word) => share(frequencies, word.word, word.prefix)));
}

/**
 * About what share of the activities hold every wanted word and tag (taken as independent): for a
 * common query the newest rows are walked, for a rare one the GIN index is the way in.
 */
export async function estimatedShare(
  db: Db,
  parsed: ParsedSearch,
  tags: readonly TagCondition[],
): Promise<number> {
  const frequencies = await lexemeFrequencies(db);
  const tagShare = (tag: TagCondition): number =>
    typeof tag === 'string'
      ? (frequencies.get(tag) ?? 0)
      : 'not' in tag
        ? 1 - (frequencies.get(tag.not) ?? 0)
        : Math.min(
            1,
            tag.anyOf.reduce((sum, one) => sum + (frequencies.get(one) ?? 0), 0),
          );
  let estimate = 1;
  for (const clause of parsed.clauses) if (!clause.exclude) estimate *= clauseShare(frequencies, clause);
  for (const tag of tags) estimate *= tagShare(tag);
  return estimate;
}
