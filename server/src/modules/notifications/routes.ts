import {
  IdParams,
  MarkAllRead,
  Notification,
  NotificationListQuery,
  Page,
  UnreadCount,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { markAllMineRead, markMineRead, myNotifications, myUnreadCount } from './service.js';

/** The caller's own in-app notifications: list, unread count, mark read. */
export async function notificationRoutes(app: App): Promise<void> {
  const tags = ['notifications'];
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        security: bearer,
        querystring: NotificationListQuery,
        response: { 200: Page(Notification), ...errorReplies },
      },
    },
    (request) => myNotifications(app.db, request.actor, request.query),
  );
  app.get(
    '/notifications/unread-count',
    { schema: { tags, security: bearer, response: { 200: UnreadCount, ...errorReplies } } },
    async (request) => ({ unread: await myUnreadCount(app.db, request.actor) }),
  );
  app.post(
    '/notifications/:id/read',
    {
      schema: { tags, security: bearer, params: IdParams, response: { 200: Notification, ...errorReplies } },
    },
    (request) => markMineRead(app.db, request.actor, request.params.id),
  );
  app.post(
    '/notifications/read-all',
    {
      schema: { tags, security: bearer, body: MarkAllRead, response: { 204: Type.Null(), ...errorReplies } },
    },
    async (request, reply) => {
      await markAllMineRead(app.db, request.actor, request.body.upTo);
      return reply.status(204).send(null);
    },
  );
}
