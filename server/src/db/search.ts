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
