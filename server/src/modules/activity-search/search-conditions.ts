import type { Knex } from 'knex';
import {
  normalizeEmail,
  parseSearchQuery,
  RECORD_TYPE_NAMES,
  type ActivitySearchQuery,
  type ActivityType,
  type ParsedSearch,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { NotFound, ValidationFailed } from '../../errors.js';
import { recordExists } from '../timeline/index.js';
import * as search from './search-repository.js';
import { fitsIndex, searchTags } from './tags.js';
import type { TagCondition } from './tsquery.js';

// A request read into what the statements take: the parsed words, and every filter as a tag
// condition; what the schema's formats let through but the search cannot use is a 400 here.

/** The query's clauses; one with nothing to look for is refused with a sentence saying so. */
export function parsedQuery(q: string): ParsedSearch {
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
export function validDate(path: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw refused(path, 'This is not a time we can read.');
  return date;
}

/**
 * The filters other than the kind, as tag conditions; `narrow` when one of them is a record or a
 * participant, which few activities carry (see `searching`).
 */
export async function filterTags(
  db: Knex,
  actor: Actor,
  query: ActivitySearchQuery,
): Promise<{ tags: TagCondition[]; narrow: boolean }> {
  const scope = await scopeTag(db, actor, query);
  const tags = [
    ...scope,
    ...(query.filedBy ? [searchTags.filer(plainId('/filedBy', query.filedBy))] : []),
    ...(query.participant ? [participantTag(query.participant)] : []),
    ...(query.hasAttachments === true ? [searchTags.attachments] : []),
    ...(query.hasAttachments === false ? [{ not: searchTags.attachments }] : []),
  ];
  return { tags, narrow: scope.length > 0 || query.participant !== undefined };
}

/** The kinds asked for, none meaning all. */
export function kindsOf(query: ActivitySearchQuery): ActivityType[] {
  return query.kind === undefined ? [] : Array.isArray(query.kind) ? query.kind : [query.kind];
}
