import type { Knex } from 'knex';
import {
  ACTIVITY_TYPES,
  RANKED_MATCHES_CAP,
  type ActivitySearchQuery,
  type ActivitySearchResult,
  type ParsedSearch,
  type SearchCount,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { decodeScoreCursor, decodeTimeCursor, encodeCursor, encodeScoreCursor } from '../../db/cursor.js';
import { hits } from './hits.js';
import { filterTags, kindsOf, parsedQuery, validDate } from './search-conditions.js';
import * as search from './search-repository.js';
import { searchTags } from './tags.js';
import { matchQuery, rankQuery, type TagCondition } from './tsquery.js';

const count = (matched: number): SearchCount => ({
  value: Math.min(matched, RANKED_MATCHES_CAP),
  capped: matched > RANKED_MATCHES_CAP,
});

/**
 * Searches the correspondence the actor may see (the timelines' privacy rule) for the query's words,
 * narrowed by the filters: the best matches first (relevance and recency), or the newest.
 */
export async function searchActivities(
  db: Knex,
  actor: Actor,
  query: ActivitySearchQuery,
): Promise<ActivitySearchResult> {
  const parsed = parsedQuery(query.q);
  const filters = await filterTags(db, actor, query);
  const kinds = kindsOf(query);
  const kindFilter: TagCondition[] = kinds.length > 0 ? [{ anyOf: kinds.map(searchTags.kind) }] : [];
  const conditions: search.MatchConditions = {
    match: matchQuery(parsed, [...filters, ...kindFilter]),
    since: validDate('/since', query.since),
    until: validDate('/until', query.until),
  };
  const limit = query.limit ?? 20;
  const sort = query.sort ?? 'relevance';
  const counts =
    query.counts && !query.cursor ? await kindCounts(db, actor, parsed, filters, conditions) : undefined;

  if (sort === 'newest') {
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const rows = await search.newestMatches(db, actor, conditions, after, limit + 1);
    const [matched] = await search.cappedCounts(db, actor, conditions, [conditions.match]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await hits(
        db,
        actor,
        page.map((row) => row.id),
        parsed,
      ),
      nextCursor: rows.length > limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null,
      total: count(matched ?? 0),
      sort,
      ...(counts ? { counts } : {}),
    };
  }

  const after = query.cursor ? decodeScoreCursor(query.cursor) : null;
  const ranked = await search.rankedMatches(db, actor, conditions, rankQuery(parsed), after, limit + 1);
  const page = ranked.rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await hits(
      db,
      actor,
      page.map((row) => row.id),
      parsed,
    ),
    nextCursor: ranked.rows.length > limit && last ? encodeScoreCursor(last.score, last.id) : null,
    total: count(ranked.matched),
    sort,
    ...(counts ? { counts } : {}),
  };
}

/** How many of each kind match, whatever kind the query asked for (the kind chips' numbers). */
async function kindCounts(
  db: Knex,
  actor: Actor,
  parsed: ParsedSearch,
  filters: readonly TagCondition[],
  conditions: search.MatchConditions,
): Promise<ActivitySearchResult['counts']> {
  const values = await search.cappedCounts(
    db,
    actor,
    conditions,
    ACTIVITY_TYPES.map((type) => matchQuery(parsed, [...filters, searchTags.kind(type)])),
  );
  return Object.fromEntries(
    ACTIVITY_TYPES.map((type, index) => [type, count(values[index] ?? 0)]),
  ) as NonNullable<ActivitySearchResult['counts']>;
}
