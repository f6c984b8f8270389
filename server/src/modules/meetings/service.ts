import type { Knex } from 'knex';
import {
  type Activity,
  isOwnAddress,
  type LoggedMeeting,
  type MeetingAttendee,
  type MeetingLog,
  meetingCounterparts,
  meetingMinutes,
  meetingOccurrenceKey,
  normalizeEmail,
  type RecordRef,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { emit } from '../../events/event-bus.js';
import { Unprocessable } from '../../errors.js';
import { activityKind, addLinks, insertActivity, linkReferences, snippetOf } from '../activities/index.js';
import { mailSettings } from '../organisation/index.js';
import { checkReferences, insertRecord } from '../records/index.js';
import { contactsByAddress, meetingIdFor } from './repository.js';
import { withoutSuppressedAttendees } from './suppressed-attendees.js';

/** How many guests a meeting's body names; the rest are counted. */
const GUESTS_NAMED = 50;

/** What a meeting's body says besides the notes: where, and with whom, for timelines and search. */
function meetingBody(input: MeetingLog): string | null {
  const people = [
    ...new Set(
      [input.organizer, ...input.attendees]
        .filter((party) => party !== null)
        .map((party) => (party.name ? `${party.name} <${party.email}>` : party.email)),
    ),
  ];
  const more = people.length - GUESTS_NAMED;
  const lines = [
    input.notes?.trim() || null,
    // A full stop, so that a one-line snippet of the body still reads as two sentences.
    input.location?.trim() ? `Where: ${input.location.trim().replace(/[.]$/, '')}.` : null,
    people.length > 0
      ? `With: ${people.slice(0, GUESTS_NAMED).join(', ')}${more > 0 ? ` and ${more} more` : ''}`
      : null,
  ].filter((line): line is string => line !== null);
  return lines.length > 0 ? lines.join('\n') : null;
}

/** The meeting's start and end as instants the database takes, and its length; refused when they make no meeting. */
function meetingTimes(input: MeetingLog): { startsAt: string; durationMinutes: number } {
  const start = new Date(input.startsAt);
  const minutes = meetingMinutes(input);
  if (Number.isNaN(start.getTime()) || minutes === null) {
    throw new Unprocessable('meeting_times', 'The meeting ends before it starts.', [
      { field: 'endsAt', value: input.endsAt },
    ]);
  }
  return { startsAt: start.toISOString(), durationMinutes: minutes };
}

/** Everyone on the meeting from outside the organisation, with the contact each address belongs to. */
async function matchAttendees(db: Knex, actor: Actor, input: MeetingLog) {
  const party = (person: { email: string; name?: string | null }) => ({
    email: person.email,
    name: person.name ?? null,
  });
  const { ownDomains } = await mailSettings(db, actor.orgId);
  const parties = meetingCounterparts(
    { organizer: input.organizer && party(input.organizer), attendees: input.attendees.map(party) },
    [],
  ).filter((person) => !isOwnAddress(person.email, ownDomains));
  const contacts = await contactsByAddress(
    db,
    actor.orgId,
    parties.map((person) => person.email),
  );
  const byAddress = new Map(contacts.map((contact) => [contact.email, contact]));
  const attendees: MeetingAttendee[] = parties.map((person) => ({
    email: person.email,
    name: person.name,
    contactId: byAddress.get(normalizeEmail(person.email))?.contactId ?? null,
  }));
  const links = new Map<string, RecordRef>();
  const add = (link: RecordRef) => links.set(`${link.type}:${link.id}`, link);
  for (const contact of contacts) {
    add({ type: 'contact', id: contact.contactId });
    if (contact.accountId) add({ type: 'account', id: contact.accountId });
  }
  for (const link of input.links ?? []) add(link);
  return { attendees, links: [...links.values()] };
}

/** The occurrence logged already: the records not linked yet are added, and timelines and search told. */
function loggedBefore(db: Knex, actor: Actor, key: string, links: RecordRef[]): Promise<Activity | null> {
  return db.transaction(async (trx) => {
    const id = await meetingIdFor(trx, actor.orgId, key, actor.userId, true);
    if (!id) return null;
    const added = await addLinks(trx, { orgId: actor.orgId, activityId: id, userId: actor.userId }, links);
    if (added.length > 0) {
      await emit(trx, { type: 'activities.relinked', orgId: actor.orgId, activityIds: [id] });
    }
    return (await activityKind.load(trx, actor.orgId, id))!;
  });
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/**
 * Logs a meeting occurrence once: linked to its attendees' contacts, their accounts and the records
 * chosen. Logging it again (another attendee, another client) answers the meeting the organisation
 * logged (or the caller's own private one), with any records not linked before added. A colleague's
 * private log is theirs alone and does not stand in the way.
 */
export async function logMeeting(db: Knex, actor: Actor, asLogged: MeetingLog): Promise<LoggedMeeting> {
  const { ownDomains } = await mailSettings(db, actor.orgId);
  const input = await withoutSuppressedAttendees(db, actor.orgId, asLogged, ownDomains);
  const { startsAt, durationMinutes } = meetingTimes(input);
  const key = meetingOccurrenceKey(input);
  await checkReferences(db, actor.orgId, linkReferences(input.links ?? []));
  const { attendees, links } = await matchAttendees(db, actor, input);
  const before = await loggedBefore(db, actor, key, links);
  if (before) return { activity: before, created: false, attendees };

  const body = meetingBody(input);
  try {
    const activity = await db.transaction((trx) =>
      insertRecord(trx, actor, activityKind, async (inner, id) => {
        await insertActivity(inner, actor.orgId, id, {
          type: 'meeting',
          occurrence_key: key,
          subject: input.subject.trim() || 'Meeting',
          body,
          snippet: snippetOf(body),
          occurred_at: startsAt,
          duration_minutes: durationMinutes,
          owner_id: actor.userId,
          private: input.private ?? false,
        });
        await addLinks(inner, { orgId: actor.orgId, activityId: id, userId: actor.userId }, links);
      }),
    );
    return { activity, created: true, attendees };
  } catch (error) {
    // Another attendee logged the same occurrence at the same moment: theirs stands.
    if (!isUniqueViolation(error)) throw error;
    const raced = await loggedBefore(db, actor, key, links);
    if (!raced) throw error;
    return { activity: raced, created: false, attendees };
  }
}

/** The meeting logged for an occurrence: the organisation's, else the caller's own private one. */
export async function meetingFor(db: Knex, actor: Actor, occurrenceKey: string): Promise<Activity | null> {
  const id = await meetingIdFor(db, actor.orgId, occurrenceKey, actor.userId);
  return id ? ((await activityKind.load(db, actor.orgId, id)) ?? null) : null;
}
