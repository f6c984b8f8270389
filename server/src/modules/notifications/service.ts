import type { Knex } from 'knex';
import type { Notification, NotificationListQuery, PageOf } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { NotFound } from '../../errors.js';
import * as notifications from './repository.js';

// Each person sees and marks only their own notifications: every call is scoped to the actor.

export function myNotifications(
  db: Knex,
  actor: Actor,
  query: NotificationListQuery,
): Promise<PageOf<Notification>> {
  return notifications.listNotifications(db, actor.orgId, actor.userId, query);
}

export function myUnreadCount(db: Knex, actor: Actor): Promise<number> {
  return notifications.countUnread(db, actor.orgId, actor.userId);
}

export async function markMineRead(db: Knex, actor: Actor, id: string): Promise<Notification> {
  const read = await notifications.markRead(db, actor.orgId, actor.userId, id);
  if (!read) throw new NotFound('Notification');
  return read;
}

/** Marks read those up to `upTo`, the newest one shown, so one that arrived since stays unread. */
export function markAllMineRead(db: Knex, actor: Actor, upTo: string): Promise<void> {
  return notifications.markAllRead(db, actor.orgId, actor.userId, upTo);
}
