import type { RecordRef, RecordType } from '@inbox-crm/shared';
import { preparedStatement } from '../../db/prepared-statement.js';
import type { Db } from '../../db/types.js';

// Each link carries its activity's summary: the columns a timeline shows, copied from the
// activity (and, for an email, its sender) whenever a link is made or the activity changes.
const SUMMARY_COLUMNS =
  'activity_type, occurred_at, subject, snippet, owner_id, private, deleted, direction, duration_minutes, from_email, from_name';
const SUMMARY_VALUES = `a.type, a.occurred_at, a.subject, a.snippet, a.owner_id, a.private, a.deleted_at IS NOT NULL,
  a.direction, a.duration_minutes, m.from_email, m.from_name`;
const ACTIVITY_WITH_SENDER = `activities a LEFT JOIN email_messages m ON m.org_id = a.org_id AND m.activity_id = a.id`;

export interface LinkTarget {
  orgId: string;
  activityId: string;
  /** Who makes the link. */
  userId: string | null;
}

const ADD_LINKS = `INSERT INTO activity_links (org_id, activity_id, record_type, record_id, created_by, ${SUMMARY_COLUMNS})
     SELECT a.org_id, a.id, v.record_type, v.record_id, ?, ${SUMMARY_VALUES}
     FROM ${ACTIVITY_WITH_SENDER}
     CROSS JOIN unnest(CAST(? AS text[]), CAST(? AS uuid[])) AS v(record_type, record_id)
     WHERE a.org_id = ? AND a.id = ?
     ON CONFLICT (org_id, activity_id, record_type, record_id) DO NOTHING
     RETURNING record_type, record_id`;

/** Adds the links an activity does not have yet (with its current summary); returns the ones it added. */
export async function addLinks(
  db: Db,
  target: LinkTarget,
  links: readonly RecordRef[],
): Promise<RecordRef[]> {
  if (links.length === 0) return [];
  const { rows } = await db
    .raw<{ rows: { record_type: RecordType; record_id: string }[] }>(ADD_LINKS, [
      target.userId,
      links.map((link) => link.type),
      links.map((link) => link.id),
      target.orgId,
      target.activityId,
    ])
    .options(preparedStatement(ADD_LINKS));
  return rows.map((row) => ({ type: row.record_type, id: row.record_id }));
}

/** Gives an activity exactly these links. */
export async function replaceLinks(db: Db, target: LinkTarget, links: readonly RecordRef[]): Promise<void> {
  await db('activity_links').where({ org_id: target.orgId, activity_id: target.activityId }).delete();
  await addLinks(db, target, links);
}

export async function removeLink(
  db: Db,
  orgId: string,
  activityId: string,
  link: RecordRef,
): Promise<boolean> {
  // RETURNING rather than the affected-row count, which knex-pglite does not report for deletes.
  const removed = await db('activity_links')
    .where({ org_id: orgId, activity_id: activityId, record_type: link.type, record_id: link.id })
    .delete()
    .returning('record_id');
  return removed.length > 0;
}

/** Copies the activity's current summary into its links: after every write to an activity. */
export async function refreshLinks(db: Db, orgId: string, activityId: string): Promise<void> {
  await db.raw(
    `UPDATE activity_links l SET (${SUMMARY_COLUMNS}) = (SELECT ${SUMMARY_VALUES} FROM ${ACTIVITY_WITH_SENDER}
       WHERE a.org_id = l.org_id AND a.id = l.activity_id)
     WHERE l.org_id = ? AND l.activity_id = ?`,
    [orgId, activityId],
  );
}

/** The same for every activity of an organisation at once (after a bulk load). */
export async function refreshAllLinks(db: Db, orgId: string): Promise<void> {
  await db.raw(
    `UPDATE activity_links l SET (${SUMMARY_COLUMNS}) = (SELECT ${SUMMARY_VALUES} FROM ${ACTIVITY_WITH_SENDER}
       WHERE a.org_id = l.org_id AND a.id = l.activity_id)
     WHERE l.org_id = ?`,
    [orgId],
  );
}
