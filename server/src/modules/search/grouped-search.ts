import type { Knex } from 'knex';
import type { ListCount, SearchGroups, SearchGroupsQuery } from '@inbox-crm/shared';
import { SEARCH_GROUP_SIZE } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { countedMatches } from './counted-matches.js';
import { hitsByIds } from './hit-details.js';
import { sampleMatches } from './match-sample.js';
import { namePrefixIds } from './name-prefix-matches.js';
import { SEARCHED_TABLES, type SearchedList } from './searched-tables.js';
import { searchWords, type SearchWords } from './search-words.js';

const NO_MATCHES: ListCount = { value: 0, capped: false };

/** One type's group: names starting with the query first (in name order), then the newest other matches. */
async function group<L extends SearchedList>(
  db: Knex,
  orgId: string,
  list: L,
  words: SearchWords,
  limit: number,
) {
  const table = SEARCHED_TABLES[list];
  const sample = await sampleMatches(db, table, orgId, words, limit);
  const { total, otherIds } = await countedMatches(db, table, orgId, words, sample, limit);
  if (total.value === 0) return { items: [], total };
  const first = await namePrefixIds(db, table, orgId, words, limit);
  const ids = [...first, ...otherIds].slice(0, limit);
  return { items: await hitsByIds(db, list, orgId, ids), total };
}

/**
 * The console's search: for each record type, live records of the caller's organisation with a
 * word starting with each word of the query (as its list's `q` finds them), the best few and how
 * many there are up to the lists' cap.
 */
export async function searchGroups(db: Knex, actor: Actor, query: SearchGroupsQuery): Promise<SearchGroups> {
  const words = searchWords(query.q);
  if (words === null) {
    const empty = { items: [], total: NO_MATCHES };
    return { accounts: empty, contacts: empty, opportunities: empty, cases: empty };
  }
  const limit = query.limit ?? SEARCH_GROUP_SIZE;
  const [accounts, contacts, opportunities, cases] = await Promise.all([
    group(db, actor.orgId, 'accounts', words, limit),
    group(db, actor.orgId, 'contacts', words, limit),
    group(db, actor.orgId, 'opportunities', words, limit),
    group(db, actor.orgId, 'cases', words, limit),
  ]);
  return { accounts, contacts, opportunities, cases };
}
