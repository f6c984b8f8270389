import type { Knex } from 'knex';
import {
  ACTIVITY_TYPES,
  RANKED_MATCHES_CAP,
  type ActivitySearchQuery,
  type ActivitySearchResult,
  type ActivityType,
  type ParsedSearch,
  type SearchCount,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { decodeScoreCursor, decodeTimeCursor, encodeCursor, encodeScoreCursor } from '../../db/cursor.js';
import { hits } from './hits.js';
import { filterTags, kindsOf, parsedQuery, validDate } from './search-conditions.js';
import * as search from './search-repository.js';
import { estimatedShare } from './search-statistics.js';
import { searchTags } from './tags.js';
import { matchQuery, rankQuery, type TagCondition } from './tsquery.js';

/** The share of activities matching from which walking the newest rows beats the index. */
const COMMON_SHARE = 0.05;

const count = (matched: number): SearchCount => ({
  value: Math.min(matched, RANKED_MATCHES_CAP),
  capped: matched > RANKED_MATCHES_CAP,
});

/**
 * Whether a search enters through the GIN index or walks the newest rows: a common query (more than
 * 1 in 20 activities, by the statistics) walks, since a few hundred rows then hold a page.
 */
async function pathFor(
  db: Db,
  narrow: boolean,
  parsed: ParsedSearch,
  tags: readonly TagCondition[],
): Promise<search.SearchPath> {
  if (narrow) return 'index';
  return (await estimatedShare(db, parsed, tags)) < COMMON_SHARE ? 'index' : 'recent';
}

/** A page of matches, newest first after the cursor's (time, id). */
async function newestPage(
  db: Db,
  actor: Actor,
  query: ActivitySearchQuery,
  conditions: search.MatchConditions,
  limit: number,
) {
  const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
  const rows = await search.newestMatches(db, actor, conditions, after, limit + 1);
  const matched = await search.cappedCount(db, actor, conditions);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    ids: page.map((row) => row.id),
    nextCursor: rows.length > limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null,
    matched,
  };
}

/** A page of the best matches after the cursor's (score, id). */
async function rankedPage(
  db: Db,
  actor: Actor,
  query: ActivitySearchQuery,
  parsed: ParsedSearch,
  conditions: search.MatchConditions,
  limit: number,
) {
  const after = query.cursor ? decodeScoreCursor(query.cursor) : null;
  const ranked = await search.rankedMatches(db, actor, conditions, rankQuery(parsed), after, limit + 1);
  const page = ranked.rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    ids: page.map((row) => row.id),
    nextCursor: ranked.rows.length > limit && last ? encodeScoreCursor(last.score, last.id) : null,
    matched: ranked.matched,
  };
}

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
  const { tags: filters, narrow } = await filterTags(db, actor, query);
  const kinds = kindsOf(query);
  const kindFilter: TagCondition[] = kinds.length > 0 ? [{ anyOf: kinds.map(searchTags.kind) }] : [];
  const conditions: search.MatchConditions = {
    match: matchQuery(parsed, [...filters, ...kindFilter]),
    since: validDate('/since', query.since),
    until: validDate('/until', query.until),
  };
  const limit = query.limit ?? 20;
  const sort = query.sort ?? 'relevance';
  const path = await pathFor(db, narrow, parsed, [...filters, ...kindFilter]);
  const found = await search.searching(db, path, (trx) =>
    sort === 'newest'
      ? newestPage(trx, actor, query, conditions, limit)
      : rankedPage(trx, actor, query, parsed, conditions, limit),
  );
  const counts =
    query.counts && !query.cursor
      ? await kindCounts(db, actor, parsed, { tags: filters, narrow }, conditions)
      : undefined;
  return {
    items: await hits(db, actor, found.ids, parsed),
    nextCursor: found.nextCursor,
    total: count(found.matched),
    sort,
    ...(counts ? { counts } : {}),
  };
}

/** How many of each kind match, whatever kind the query asked for (the kind filter's numbers). */
async function kindCounts(
  db: Knex,
  actor: Actor,
  parsed: ParsedSearch,
  filters: { tags: readonly TagCondition[]; narrow: boolean },
  conditions: search.MatchConditions,
): Promise<ActivitySearchResult['counts']> {
  const counts: Partial<Record<ActivityType, SearchCount>> = {};
  for (const type of ACTIVITY_TYPES) {
    const tags = [...filters.tags, searchTags.kind(type)];
    const path = await pathFor(db, filters.narrow, parsed, tags);
    const match = matchQuery(parsed, tags);
    counts[type] = count(
      await search.searching(db, path, (trx) => search.cappedCount(trx, actor, conditions, match)),
    );
  }
  return counts as NonNullable<ActivitySearchResult['counts']>;
}
