import type { Knex } from 'knex';
import { foldForSearch, searchTerms } from '@inbox-crm/shared';

/** The text a record is found by, folded the way queries are (see foldForSearch). */
export function searchText(...parts: ReadonlyArray<string | null | undefined | readonly string[]>): string {
  return foldForSearch(
    parts
      .flat()
      .filter((part): part is string => Boolean(part))
      .join(' '),
  );
}

/**
 * A tsquery matching records that have a word starting with each query word, or null for a query
 * without words. Folded terms hold only letters and digits, so they are safe tsquery syntax.
 */
export function prefixQuery(query: string): string | null {
  const terms = searchTerms(query);
  return terms.length === 0 ? null : terms.map((term) => `${term}:*`).join(' & ');
}

/** Narrows a list to records whose search text matches every word of `query` by prefix. */
export function whereSearchMatches(
  builder: Knex.QueryBuilder,
  column: string,
  query: string | undefined,
): void {
  if (query === undefined) return;
  const tsquery = prefixQuery(query);
  if (tsquery === null) return;
  builder.whereRaw(`${column} @@ to_tsquery('simple', ?)`, [tsquery]);
}

/**
 * The bounds of the strings that start with a folded term of letters a–z and digits, as a range
 * [from, to) of an index in byte order; `to` is null for a term of z's, whose range runs to the end.
 * A digit's successor is `a`, not `:`, so that no punctuation falls inside the range needlessly.
 */
export function prefixRange(term: string): { from: string; to: string | null } {
  const last = term.replace(/z+$/, '');
  if (last === '') return { from: term, to: null };
  const char = last[last.length - 1]!;
  const next = char === '9' ? 'a' : String.fromCharCode(char.charCodeAt(0) + 1);
  return { from: term, to: `${last.slice(0, -1)}${next}` };
}

/**
 * The query's words that can start a name in a name index (a–z and digits only), without any word
 * another of them starts (its range lies inside the shorter word's).
 */
export function namePrefixTerms(query: string | undefined): string[] {
  const terms = [...new Set(searchTerms(query ?? ''))].filter((term) => /^[a-z0-9]+$/.test(term));
  return terms.filter((term) => !terms.some((other) => other !== term && term.startsWith(other)));
}
