import type { RecordRef, RecordType } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';

export interface LinkTarget {
  orgId: string;
  activityId: string;
  activityType: string;
  occurredAt: Date | string;
  userId: string | null;
}

const uniqueLinks = (links: readonly RecordRef[]) =>
  links.filter(
    (link, index) => links.findIndex((other) => other.type === link.type && other.id === link.id) === index,
  );

/** Adds links an activity does not have yet; returns the ones it added. */
export async function addLinks(
  db: Db,
  target: LinkTarget,
  links: readonly RecordRef[],
): Promise<RecordRef[]> {
  if (links.length === 0) return [];
  const rows = (await db('activity_links')
    .insert(
      uniqueLinks(links).map((link) => ({
        org_id: target.orgId,
        activity_id: target.activityId,
        record_type: link.type,
        record_id: link.id,
        activity_type: target.activityType,
        occurred_at: target.occurredAt,
        created_by: target.userId,
      })),
    )
    .onConflict(['org_id', 'activity_id', 'record_type', 'record_id'])
    .ignore()
    .returning(['record_type', 'record_id'])) as { record_type: RecordType; record_id: string }[];
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

/** Keeps the copies of occurred_at in the links in step with the activity. */
export async function moveLinksInTime(
  db: Db,
  orgId: string,
  activityId: string,
  occurredAt: string,
): Promise<void> {
  await db('activity_links')
    .where({ org_id: orgId, activity_id: activityId })
    .update({ occurred_at: occurredAt });
}
