import type { RecordRef, RecordType } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';

/** How many records each person's recent views keep: more than the home page shows, so a record deleted since leaves others to show. */
export const RECENT_VIEWS_KEPT = 20;

const TABLES: Record<RecordType, string> = {
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  case: 'cases',
};

/** Whether the record is live (not deleted, not merged away) in the organisation. */
export async function liveRecordExists(db: Db, orgId: string, record: RecordRef): Promise<boolean> {
  const row: unknown = await db(TABLES[record.type])
    .where({ org_id: orgId, id: record.id })
    .whereNull('deleted_at')
    .first('id');
  return row !== undefined;
}

/** Notes the view (a record opened again moves to the front) and forgets all but the newest kept. */
export async function saveRecentView(
  db: Db,
  orgId: string,
  userId: string,
  record: RecordRef,
): Promise<void> {
  await db.raw(
    `INSERT INTO recent_views (org_id, user_id, record_type, record_id, viewed_at)
     VALUES (?, ?, ?, ?, clock_timestamp())
     ON CONFLICT (org_id, user_id, record_type, record_id) DO UPDATE SET viewed_at = EXCLUDED.viewed_at`,
    [orgId, userId, record.type, record.id],
  );
  await db.raw(
    `DELETE FROM recent_views v
     WHERE v.org_id = ? AND v.user_id = ?
       AND (v.record_type, v.record_id) NOT IN (
         SELECT k.record_type, k.record_id FROM recent_views k
         WHERE k.org_id = ? AND k.user_id = ?
         ORDER BY k.viewed_at DESC, k.record_id DESC
         LIMIT ${RECENT_VIEWS_KEPT})`,
    [orgId, userId, orgId, userId],
  );
}

export interface RecentViewRow {
  type: RecordType;
  id: string;
  name: string;
  viewedAt: Date;
}

/** The person's newest views of records still live, named; deleted and merged records drop out. */
export async function recentViewRows(
  db: Db,
  orgId: string,
  userId: string,
  limit: number,
): Promise<RecentViewRow[]> {
  const live = (alias: string, type: RecordType) =>
    `LEFT JOIN ${TABLES[type]} ${alias} ON v.record_type = '${type}' AND ${alias}.org_id = v.org_id
       AND ${alias}.id = v.record_id AND ${alias}.deleted_at IS NULL`;
  const result = await db.raw<{ rows: RecentViewRow[] }>(
    `SELECT v.record_type AS type, v.record_id AS id, v.viewed_at AS "viewedAt",
       COALESCE(a.name, trim(c.first_name || ' ' || c.last_name), o.name, k.subject) AS name
     FROM recent_views v
     ${live('a', 'account')}
     ${live('c', 'contact')}
     ${live('o', 'opportunity')}
     ${live('k', 'case')}
     WHERE v.org_id = ? AND v.user_id = ?
       AND COALESCE(a.id, c.id, o.id, k.id) IS NOT NULL
     ORDER BY v.viewed_at DESC, v.record_id DESC
     LIMIT ${Number(limit)}`,
    [orgId, userId],
  );
  return result.rows;
}
