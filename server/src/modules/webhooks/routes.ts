import { IdParams, Webhook, WebhookCreate, WebhookUpdate, WebhookWithSecret } from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import * as service from './service.js';
import type { WebhookAddressRule } from './webhook-url.js';

/** Webhook receivers, for admins. */
export async function webhookRoutes(app: App, rule: WebhookAddressRule): Promise<void> {
  const tags = ['webhooks'];
  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(Webhook) }), ...errorReplies },
      },
    },
    async (request) => ({ items: await service.listWebhooks(app.db, request.actor) }),
  );
  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        security: bearer,
        body: WebhookCreate,
        response: { 201: WebhookWithSecret, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createWebhook(app.db, request.actor, request.body, rule)),
  );
  app.patch(
    '/webhooks/:id',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        body: WebhookUpdate,
        response: { 200: Webhook, ...errorReplies },
      },
    },
    (request) => service.updateWebhook(app.db, request.actor, request.params.id, request.body, rule),
  );
  app.post(
    '/webhooks/:id/rotate-secret',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        response: { 200: WebhookWithSecret, ...errorReplies },
      },
    },
    (request) => service.rotateWebhookSecret(app.db, request.actor, request.params.id),
  );
  app.delete(
    '/webhooks/:id',
    { schema: { tags, security: bearer, params: IdParams, response: { 204: Type.Null(), ...errorReplies } } },
    async (request, reply) => {
      await service.deleteWebhook(app.db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
