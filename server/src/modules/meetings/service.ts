import type { Knex } from 'knex';
import {
  type Activity,
  type LoggedMeeting,
  type MeetingAttendee,
  type MeetingLog,
  meetingCounterparts,
  meetingMinutes,
  normalizeEmail,
  type RecordRef,
  isOwnAddress,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { canSeeActivity } from '../../db/visibility.js';
import { DomainError, Unprocessable } from '../../errors.js';
import { activityKind, addLinks, insertActivity, linkReferences, snippetOf } from '../activities/index.js';
import { mailSettings } from '../organisation/index.js';
import { checkReferences, insertRecord } from '../records/index.js';
import { contactsByAddress, meetingIdFor } from './repository.js';

/** What a meeting's body says besides the notes: where, and with whom, for timelines and search. */
function meetingBody(input: MeetingLog): string | null {
  const people = [input.organizer, ...input.attendees]
    .filter((party) => party !== null)
    .map((party) => (party.name ? `${party.name} <${party.email}>` : party.email));
  const lines = [
    input.notes?.trim() || null,
    input.location?.trim() ? `Where: ${input.location.trim()}` : null,
    people.length > 0 ? `With: ${[...new Set(people)].join(', ')}` : null,
  ].filter((line): line is string => line !== null);
  return lines.length > 0 ? lines.join('\n') : null;
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
    parties.map((party) => party.email),
  );
  const byAddress = new Map(contacts.map((contact) => [contact.email, contact]));
  const attendees: MeetingAttendee[] = parties.map((party) => ({
    email: party.email,
    name: party.name,
    contactId: byAddress.get(normalizeEmail(party.email))?.contactId ?? null,
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

async function loggedBefore(db: Knex, actor: Actor, id: string, links: RecordRef[]): Promise<Activity> {
  return db.transaction(async (trx) => {
    const meeting = (await activityKind.load(trx, actor.orgId, id))!;
    if (!(await canSeeActivity(trx, actor, meeting))) {
      throw new DomainError('logged_privately', 'A colleague has logged this meeting privately already.');
    }
    const target = { orgId: actor.orgId, activityId: id, userId: actor.userId };
    if ((await addLinks(trx, target, links)).length === 0) return meeting;
    return (await activityKind.load(trx, actor.orgId, id))!;
  });
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/**
 * Logs a meeting occurrence once: linked to its attendees' contacts, their accounts and the records
 * chosen. Logging it again (another attendee, another client) answers the meeting already logged,
 * with any records not linked before added.
 */
export async function logMeeting(db: Knex, actor: Actor, input: MeetingLog): Promise<LoggedMeeting> {
  const durationMinutes = meetingMinutes(input);
  if (durationMinutes === null) {
    throw new Unprocessable('meeting_times', 'The meeting ends before it starts.', [
      { field: 'endsAt', value: input.endsAt },
    ]);
  }
  await checkReferences(db, actor.orgId, linkReferences(input.links ?? []));
  const { attendees, links } = await matchAttendees(db, actor, input);
  const existing = await meetingIdFor(db, actor.orgId, input.occurrenceKey);
  if (existing)
    return { activity: await loggedBefore(db, actor, existing, links), created: false, attendees };

  const body = meetingBody(input);
  try {
    const activity = await db.transaction((trx) =>
      insertRecord(trx, actor, activityKind, async (inner, id) => {
        await insertActivity(inner, actor.orgId, id, {
          type: 'meeting',
          occurrence_key: input.occurrenceKey,
          subject: input.subject.trim() || 'Meeting',
          body,
          snippet: snippetOf(body),
          occurred_at: input.startsAt,
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
    const raced = isUniqueViolation(error) && (await meetingIdFor(db, actor.orgId, input.occurrenceKey));
    if (!raced) throw error;
    return { activity: await loggedBefore(db, actor, raced, links), created: false, attendees };
  }
}

/** The meeting logged for an occurrence, if anyone logged it and the caller may see it. */
export async function meetingFor(db: Knex, actor: Actor, occurrenceKey: string): Promise<Activity | null> {
  const id = await meetingIdFor(db, actor.orgId, occurrenceKey);
  if (!id) return null;
  const meeting = (await activityKind.load(db, actor.orgId, id))!;
  return (await canSeeActivity(db, actor, meeting)) ? meeting : null;
}
