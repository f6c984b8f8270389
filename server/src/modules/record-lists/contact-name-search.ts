import type { ContactListViewQuery } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { namePrefixTerms, prefixQuery, prefixRange } from '../../db/search.js';
import type { SortColumn } from '../../db/sorted-pages.js';
import type { Db } from '../../db/types.js';
import type { SplitSearch } from './list-definition.js';

/** A contact's sort name, as the name sort and the index contacts_list_name hold it. */
export const CONTACT_SORT_NAME = "lower(c.last_name || ' ' || c.first_name)";

/** A contact's search words but the first word of its sort name (migration 20261203000700). */
const REST_OF_SEARCH_WORDS = 'contact_search_rest(c.search_text, c.last_name, c.first_name)';

const inRange = (range: { from: string; to: string | null }) =>
  range.to === null
    ? { sql: `${CONTACT_SORT_NAME} >= ?`, bindings: [range.from] }
    : { sql: `(${CONTACT_SORT_NAME} >= ? AND ${CONTACT_SORT_NAME} < ?)`, bindings: [range.from, range.to] };

/**
 * A search sorted by name, in parts. Contacts whose sort name starts with a query word are one
 * range of the name index each, already in name order: a word that 100,000 contacts share by
 * last name reads a page of them, where filtering the whole index would read every name sorting
 * before theirs. Any other match has every query word among its words but the first of its sort
 * name (had a word started that one, the sort name would start with it too), so the index of those
 * finds the rest, which are few unless many contacts share the word by something else.
 */
export function splitContactSearch(
  db: Db,
  unsearched: () => Knex.QueryBuilder,
  query: ContactListViewQuery,
  sort: SortColumn,
): SplitSearch | undefined {
  const tsquery = prefixQuery(query.q ?? '');
  const terms = namePrefixTerms(query.q);
  if (query.deleted || sort.sql !== CONTACT_SORT_NAME || tsquery === null || terms.length === 0)
    return undefined;
  const ranges = terms.map((term) => inRange(prefixRange(term)));
  const prefixParts = ranges.map((range) =>
    unsearched()
      .whereRaw(range.sql, range.bindings)
      // IS TRUE keeps the planner from reading every match through the search index to check a
      // range whose rows nearly all match: the name index walks it in order and stops at a page.
      // The subquery parses the query once; a generic plan would parse it again for every row.
      .whereRaw("(c.search_vector @@ (SELECT to_tsquery('simple', ?))) IS TRUE", [tsquery]),
  );
  const others = unsearched()
    .select('c.id', 'c.last_name', 'c.first_name')
    .whereRaw(`${REST_OF_SEARCH_WORDS} @@ to_tsquery('simple', ?)`, [tsquery])
    .whereRaw(
      `NOT (${ranges.map((range) => range.sql).join(' OR ')})`,
      ranges.flatMap((range) => range.bindings),
    );
  return {
    unsearched: unsearched(),
    // OFFSET 0 keeps the page's order and limit outside: the others are read through the index of
    // other words, not by walking the name index in the hope of meeting them early.
    parts: [...prefixParts, db.from(db.raw('(? OFFSET 0) AS c', [others]))],
  };
}
