import { isoSql, userRefSql } from '../../db/json-sql.js';

/**
 * The columns of a TimelineEntry selected from activities `a` (email details joined lazily).
 * Shared by record timelines and the sender view so both show the same entry.
 */
export const TIMELINE_ENTRY_COLUMNS = `
  a.id,
  a.type,
  a.subject,
  a.snippet,
  ${isoSql('a.occurred_at')} AS "occurredAt",
  ${userRefSql('a.org_id', 'a.owner_id')} AS owner,
  a.private,
  (SELECT json_build_object('email', m.from_email, 'name', m.from_name) FROM email_messages m
    WHERE a.type = 'email' AND m.org_id = a.org_id AND m.activity_id = a.id) AS "from",
  a.direction,
  a.duration_minutes AS "durationMinutes"`;
