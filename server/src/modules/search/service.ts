import type { Knex } from 'knex';
import {
  foldForSearch,
  RECORD_TYPES,
  type RecordType,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { recordsMatching } from './repository.js';
import { searchWords } from './search-words.js';

/** Records whose words start with every word of the query, accents and case ignored: for the filing picker. */
export async function search(db: Knex, actor: Actor, query: SearchQuery): Promise<SearchResult> {
  const words = searchWords(query.q);
  if (words === null) return { items: [] };
  const types: readonly RecordType[] =
    query.type === undefined ? RECORD_TYPES : Array.isArray(query.type) ? query.type : [query.type];
  const limit = query.limit ?? 20;
  const hits = await recordsMatching(db, actor.orgId, words, types, limit);
  const folded = foldForSearch(query.q);
  const rank = (hit: SearchHit) => (foldForSearch(hit.name).startsWith(folded) ? 0 : 1);
  return { items: hits.sort((a, b) => rank(a) - rank(b)).slice(0, limit) };
}
