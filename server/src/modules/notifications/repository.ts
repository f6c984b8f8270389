import type {
  Notification,
  NotificationKind,
  NotificationListQuery,
  PageOf,
  RecordType,
} from '@inbox-crm/shared';
import { newId } from '../../db/ids.js';
import { pageById } from '../../db/pagination.js';
import { iso, isoOrNull, type Db } from '../../db/types.js';

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  record_type: RecordType | null;
  record_id: string | null;
  task_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

const toNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  record: row.record_type && row.record_id ? { type: row.record_type, id: row.record_id } : null,
  taskId: row.task_id,
  createdAt: iso(row.created_at),
  readAt: isoOrNull(row.read_at),
});

export interface NewNotification {
  orgId: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  recordType?: RecordType | null;
  recordId?: string | null;
  taskId?: string | null;
  /** The job that raised it: a job notifies each user at most once. */
  jobId: string | null;
  createdAt: Date;
}

export async function insertNotifications(db: Db, notifications: readonly NewNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  await db('notifications')
    .insert(
      notifications.map((notification) => ({
        org_id: notification.orgId,
        id: newId(),
        user_id: notification.userId,
        kind: notification.kind,
        title: notification.title,
        body: notification.body,
        record_type: notification.recordType ?? null,
        record_id: notification.recordId ?? null,
        task_id: notification.taskId ?? null,
        job_id: notification.jobId,
        created_at: notification.createdAt,
      })),
    )
    .onConflict(db.raw('(org_id, job_id, user_id) WHERE job_id IS NOT NULL'))
    .ignore();
}

export function listNotifications(
  db: Db,
  orgId: string,
  userId: string,
  query: NotificationListQuery,
): Promise<PageOf<Notification>> {
  const builder = db('notifications').where({ org_id: orgId, user_id: userId });
  if (query.unread) builder.whereNull('read_at');
  return pageById(builder, query, toNotification);
}

export async function countUnread(db: Db, orgId: string, userId: string): Promise<number> {
  const row = (await db('notifications')
    .where({ org_id: orgId, user_id: userId })
    .whereNull('read_at')
    .count('* as n')
    .first()) as { n: number | string };
  return Number(row.n);
}

/** Marks one of a user's notifications read; undefined if it is not theirs. */
export async function markRead(
  db: Db,
  orgId: string,
  userId: string,
  id: string,
): Promise<Notification | undefined> {
  const rows = (await db('notifications')
    .where({ org_id: orgId, user_id: userId, id })
    .update({ read_at: db.raw('COALESCE(read_at, now())') })
    .returning('*')) as NotificationRow[];
  return rows[0] && toNotification(rows[0]);
}

/** Marks read the user's unread notifications up to `upTo` (ids grow with time): none newer. */
export async function markAllRead(db: Db, orgId: string, userId: string, upTo: string): Promise<void> {
  await db('notifications')
    .where({ org_id: orgId, user_id: userId })
    .whereNull('read_at')
    .where('id', '<=', upTo)
    .update({ read_at: db.fn.now() });
}
