import type { TimelineEntry } from '@inbox-crm/shared';
import { iso } from '../../db/types.js';
import { userRef } from '../users/user-names.js';

/**
 * The columns of a timeline row selected from activities `a` (an email's sender looked up only
 * for emails). Shared by record timelines and the sender view so both show the same entry; turn
 * a row into a TimelineEntry with timelineEntry().
 */
export const TIMELINE_ENTRY_COLUMNS = `
  a.id,
  a.type,
  a.subject,
  a.snippet,
  a.occurred_at AS "occurredAt",
  a.owner_id AS "ownerId",
  a.private,
  (SELECT json_build_object('email', m.from_email, 'name', m.from_name) FROM email_messages m
    WHERE a.type = 'email' AND m.org_id = a.org_id AND m.activity_id = a.id) AS "from",
  a.direction,
  a.duration_minutes AS "durationMinutes"`;

/** A timeline row as the database gives it: its time a Date, or ISO 8601 text from inside JSON. */
export type TimelineRow = Omit<TimelineEntry, 'occurredAt' | 'owner'> & {
  occurredAt: string | Date;
  ownerId: string | null;
};

/** The entry the API answers: time in ISO 8601 UTC ('…Z'), the owner named. */
export function timelineEntry(row: TimelineRow, names: ReadonlyMap<string, string>): TimelineEntry {
  const { ownerId, occurredAt, ...rest } = row;
  return { ...rest, occurredAt: iso(occurredAt), owner: userRef(names, ownerId) };
}
