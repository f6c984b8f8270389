import { foldForSearch } from '@inbox-crm/shared';
import { prefixQuery } from '../../db/search.js';

/** The characters a name key holds, in bytes: a btree entry stays far below its size limit. */
const NAME_KEY_LENGTH = 200;

/**
 * A record's name, folded, as the start of its search text: search_text begins with the folded
 * name (see searchText), and the `<table>_name_prefix` indexes are built on this expression.
 */
export const nameKey = (alias: string) => `left(${alias}.search_text, ${NAME_KEY_LENGTH})`;

/** What a query is matched with: its words as a tsquery, and its folded text as a name prefix. */
export interface SearchWords {
  /** `word:* & word:*`, bound as a parameter of `to_tsquery('simple', ?)`. */
  tsquery: string;
  /** `'acme co%'`: an SQL literal for `nameKey(…) LIKE`. */
  namePrefixLiteral: string;
}

/**
 * The query's words, or null for a query without any. The name prefix is written into the
 * statement, not bound: the server plans statements generically (plan_cache_mode), and only a
 * LIKE pattern the planner can read becomes a range of the name index. Folded text holds letters,
 * digits and single spaces alone (checked again here), so it needs no quoting or LIKE escapes.
 */
export function searchWords(query: string): SearchWords | null {
  const tsquery = prefixQuery(query);
  if (tsquery === null) return null;
  const prefix = foldForSearch(query).slice(0, NAME_KEY_LENGTH);
  if (!/^[\p{L}\p{N} ]+$/u.test(prefix))
    throw new Error('A folded query holds only letters, digits and spaces');
  return { tsquery, namePrefixLiteral: `'${prefix}%'` };
}
