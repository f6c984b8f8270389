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
import { NotFound } from '../../errors.js';
import { countUnread, listNotifications, markAllRead, markRead } from './repository.js';

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
    (request) => listNotifications(app.db, request.actor.orgId, request.actor.userId, request.query),
  );
  app.get(
    '/notifications/unread-count',
    { schema: { tags, security: bearer, response: { 200: UnreadCount, ...errorReplies } } },
    async (request) => ({ unread: await countUnread(app.db, request.actor.orgId, request.actor.userId) }),
  );
  app.post(
    '/notifications/:id/read',
    {
      schema: { tags, security: bearer, params: IdParams, response: { 200: Notification, ...errorReplies } },
    },
    async (request) => {
      const read = await markRead(app.db, request.actor.orgId, request.actor.userId, request.params.id);
      if (!read) throw new NotFound('Notification');
      return read;
    },
  );
  app.post(
    '/notifications/read-all',
    {
      schema: { tags, security: bearer, body: MarkAllRead, response: { 204: Type.Null(), ...errorReplies } },
    },
    async (request, reply) => {
      await markAllRead(app.db, request.actor.orgId, request.actor.userId, request.body.upTo);
      return reply.status(204).send(null);
    },
  );
}
