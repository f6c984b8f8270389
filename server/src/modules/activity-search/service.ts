import type { Knex } from 'knex';
import {
  ACTIVITY_TYPES,
  highlightAll,
  highlightedSnippet,
  normalizeEmail,
  parseSearchQuery,
  RANKED_MATCHES_CAP,
  RECORD_TYPE_NAMES,
  type ActivityHit,
  type ActivitySearchQuery,
  type ActivitySearchResult,
  type ActivityType,
  type ParsedSearch,
  type SearchCount,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { decodeScoreCursor, decodeTimeCursor, encodeCursor, encodeScoreCursor } from '../../db/cursor.js';
import { NotFound, ValidationFailed } from '../../errors.js';
import { recordExists } from '../timeline/index.js';
import { userNames, userRef } from '../users/index.js';
import * as search from './search-repository.js';
import { fitsIndex, searchTags } from './tags.js';
import { matchQuery, rankQuery } from './tsquery.js';

type TagCondition = Parameters<typeof matchQuery>[1][number];

function parsedQuery(q: string): ParsedSearch {
  const parsed = parseSearchQuery(q);
  const problem =
    parsed.clauses.length === 0
      ? 'Type a word to search for: punctuation alone finds nothing.'
      : parsed.clauses.every((clause) => clause.exclude)
        ? 'Type a word to search for as well as the words to leave out.'
        : null;
  if (problem) throw new ValidationFailed(problem, [{ in: 'querystring', path: '/q', message: problem }]);
  return parsed;
}

/** The records whose correspondence is searched: the record, and for an account its contacts too. */
async function scopeTag(db: Knex, actor: Actor, query: ActivitySearchQuery): Promise<TagCondition[]> {
  const { recordType, recordId } = query;
  if (recordType === undefined && recordId === undefined) return [];
  if (recordType === undefined || recordId === undefined) {
    throw refused(
      recordType ? '/recordId' : '/recordType',
      'recordType and recordId go together: name the record whose correspondence to search.',
    );
  }
  const id = plainId('/recordId', recordId);
  if (!(await recordExists(db, actor.orgId, recordType, id)))
    throw new NotFound(RECORD_TYPE_NAMES[recordType]);
  const contacts = recordType === 'account' ? await search.accountContactIds(db, actor.orgId, id) : [];
  return [{ anyOf: [id, ...contacts].map(searchTags.record) }];
}

function refused(path: string, message: string): ValidationFailed {
  return new ValidationFailed(message, [{ in: 'querystring', path, message }]);
}

function participantTag(participant: string): string {
  const value = participant.trim().toLowerCase();
  const tag = value.includes('@')
    ? searchTags.address(normalizeEmail(value))
    : searchTags.domain(value.replace(/^@/, ''));
  if (!fitsIndex(tag)) throw refused('/participant', 'This is too long for an address or a domain.');
  return tag;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id as a tag names it: the schema's uuid format also lets `urn:uuid:…` through. */
function plainId(path: string, id: string): string {
  if (!UUID.test(id)) throw refused(path, 'This is not an id: pass the id as the API gives it.');
  return id.toLowerCase();
}

/** A date-time the format check lets through but no clock has (a leap second) is refused, not a 500. */
function validDate(path: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw refused(path, 'This is not a time we can read.');
  return date;
}

/** The filters other than the kind, as tag conditions. */
async function filterTags(db: Knex, actor: Actor, query: ActivitySearchQuery): Promise<TagCondition[]> {
  return [
    ...(await scopeTag(db, actor, query)),
    ...(query.filedBy ? [searchTags.filer(plainId('/filedBy', query.filedBy))] : []),
    ...(query.participant ? [participantTag(query.participant)] : []),
    ...(query.hasAttachments === true ? [searchTags.attachments] : []),
    ...(query.hasAttachments === false ? [{ not: searchTags.attachments }] : []),
  ];
}

function kindsOf(query: ActivitySearchQuery): ActivityType[] {
  return query.kind === undefined ? [] : Array.isArray(query.kind) ? query.kind : [query.kind];
}

const count = (matched: number): SearchCount => ({
  value: Math.min(matched, RANKED_MATCHES_CAP),
  capped: matched > RANKED_MATCHES_CAP,
});

/** The activities as hits, in the order of `ids`, with their matches marked. */
async function hits(
  db: Knex,
  actor: Actor,
  ids: readonly string[],
  parsed: ParsedSearch,
): Promise<ActivityHit[]> {
  const rows = new Map((await search.hitRows(db, actor, ids)).map((row) => [row.id, row]));
  const names = await userNames(db, actor.orgId);
  return ids.flatMap((id) => {
    const row = rows.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        type: row.type,
        subject: highlightAll(row.subject, parsed.highlight),
        snippet: highlightedSnippet(row.body ?? '', parsed.highlight),
        occurredAt: row.occurredAt.toISOString(),
        from: row.fromEmail === null ? null : { email: row.fromEmail, name: row.fromName },
        owner: userRef(names, row.ownerId),
        private: row.private,
        attachments: (row.attachments ?? []).map((attachment) => attachment.name),
        links: row.links.map((link) => ({ type: link.type, id: link.id, name: link.name ?? '' })),
      },
    ];
  });
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
