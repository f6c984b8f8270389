import type { TimelineEntry } from '@inbox-crm/shared';
import { iso } from '../../db/types.js';
import { userRef } from '../users/index.js';

/**
 * The columns of a timeline row, read from activity_links `l` alone (each link carries its
 * activity's summary, so the timeline index covers them). Shared by record timelines and the
 * sender view; turn a row into a TimelineEntry with timelineEntry().
 */
export const TIMELINE_ENTRY_COLUMNS = `
  l.activity_id AS id,
  l.activity_type AS type,
  l.subject,
  l.snippet,
  l.occurred_at AS "occurredAt",
  l.owner_id AS "ownerId",
  l.private,
  l.from_email AS "fromEmail",
  l.from_name AS "fromName",
  l.direction,
  l.duration_minutes AS "durationMinutes"`;

/** A timeline row as the database gives it: its time a Date, or ISO 8601 text from inside JSON. */
export type TimelineRow = Omit<TimelineEntry, 'occurredAt' | 'owner' | 'from'> & {
  occurredAt: string | Date;
  ownerId: string | null;
  fromEmail: string | null;
  fromName: string | null;
};

/**
 * The entry the API answers: time in ISO 8601 UTC ('…Z'), the owner named. Written out field by
 * field: the sender view maps ten of these per request, and a spread of the row cost more.
 */
export function timelineEntry(row: TimelineRow, names: ReadonlyMap<string, string>): TimelineEntry {
  return {
    id: row.id,
    type: row.type,
    subject: row.subject,
    snippet: row.snippet,
    occurredAt: iso(row.occurredAt),
    owner: userRef(names, row.ownerId),
    private: row.private,
    from: row.fromEmail === null ? null : { email: row.fromEmail, name: row.fromName },
    direction: row.direction,
    durationMinutes: row.durationMinutes,
  };
}
