import type { NamedRecordRef } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';
import {
  OWNED_RECORDS,
  ownedRecordOfLink,
  ownedRecordOfLinkBindings,
  ownedRecordsBindings,
  ownsFewerThan,
} from './owned-records.js';

export interface RecentMailRow {
  id: string;
  subject: string;
  snippet: string;
  sentAt: Date;
  fromEmail: string | null;
  fromName: string | null;
  private: boolean;
  records: NamedRecordRef[];
}

/**
 * Below this many owned records, reading each record's timeline (one index range each) is cheaper
 * than walking the organisation's mail; above it, the walk finds the newest mail within a few
 * hundred links (measured with bench/lists: 50k owned records of 1.4M).
 */
export const FEW_RECORDS = 1000;
/** How many of the organisation's newest email links the walk reads before giving way to the timelines. */
export const WALKED_LINKS = 5000;

const COLUMNS = `l.activity_id AS id, l.subject, l.snippet, l.occurred_at AS "sentAt",
  l.from_email AS "fromEmail", l.from_name AS "fromName", l.private,
  json_agg(json_build_object('type', m.record_type, 'id', m.id, 'name', m.name)
    ORDER BY m.record_type, m.name) AS records`;
const GROUPED = `GROUP BY l.activity_id, l.subject, l.snippet, l.occurred_at, l.from_email, l.from_name, l.private
  ORDER BY l.occurred_at DESC, l.activity_id DESC`;

/** Every owned record's email links (activity_links_timeline), newest first: fast for few records. */
async function mailOnEachRecord(db: Db, actor: Actor, limit: number): Promise<RecentMailRow[]> {
  const visible = visibleActivities(actor, 'l');
  const result = await db.raw<{ rows: RecentMailRow[] }>(
    `WITH mine AS (${OWNED_RECORDS})
     SELECT ${COLUMNS}
     FROM mine m
     JOIN activity_links l ON l.org_id = ? AND l.record_type = m.record_type AND l.record_id = m.id
     WHERE l.activity_type = 'email' AND NOT l.deleted AND ${visible.sql}
     ${GROUPED}
     LIMIT ${Number(limit)}`,
    [...ownedRecordsBindings(actor), actor.orgId, ...visible.bindings],
  );
  return result.rows;
}

/**
 * The organisation's email links newest first (activity_links_recent_mail), keeping the first
 * `limit` activities filed to a record of the caller's, then each of those with all of the caller's
 * records it is filed to. Null when the newest WALKED_LINKS links hold fewer: the timelines answer then.
 */
async function mailFromNewestWalk(db: Db, actor: Actor, limit: number): Promise<RecentMailRow[] | null> {
  const walkVisible = visibleActivities(actor, 'n');
  const visible = visibleActivities(actor, 'l');
  const result = await db.raw<{ rows: RecentMailRow[] }>(
    `WITH newest AS (
       SELECT DISTINCT ON (n.occurred_at, n.activity_id) n.activity_id
       FROM (
         SELECT l.org_id, l.activity_id, l.occurred_at, l.record_type, l.record_id, l.owner_id, l.private
         FROM activity_links l
         WHERE l.org_id = ? AND l.activity_type = 'email' AND NOT l.deleted
         ORDER BY l.occurred_at DESC, l.activity_id DESC
         LIMIT ${WALKED_LINKS}
       ) n
       CROSS JOIN LATERAL (${ownedRecordOfLink('n')}) m
       WHERE ${walkVisible.sql}
       ORDER BY n.occurred_at DESC, n.activity_id DESC
       LIMIT ${Number(limit)}
     )
     SELECT ${COLUMNS}
     FROM newest n
     JOIN activity_links l ON l.org_id = ? AND l.activity_id = n.activity_id
     CROSS JOIN LATERAL (${ownedRecordOfLink('l')}) m
     WHERE l.activity_type = 'email' AND NOT l.deleted AND ${visible.sql}
     ${GROUPED}`,
    [
      actor.orgId,
      ...ownedRecordOfLinkBindings(actor),
      ...walkVisible.bindings,
      actor.orgId,
      ...ownedRecordOfLinkBindings(actor),
      ...visible.bindings,
    ],
  );
  return result.rows.length < limit ? null : result.rows;
}

/**
 * The newest emails filed to records the actor owns, each once with the records of theirs it is
 * filed to; private mail only as the timelines show it (visibleActivities), whoever owns the record.
 */
export async function recentMailRows(db: Db, actor: Actor, limit: number): Promise<RecentMailRow[]> {
  if (await ownsFewerThan(db, actor, FEW_RECORDS)) return mailOnEachRecord(db, actor, limit);
  return (await mailFromNewestWalk(db, actor, limit)) ?? mailOnEachRecord(db, actor, limit);
}
