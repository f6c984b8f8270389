import { Delivery, DeliveryListQuery, IdParams, Page } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { deliveriesOf, retryDelivery } from './service.js';

/** Outbound emails and webhook calls with their attempts, for admins: failures are seen, and retried. */
export async function deliveryRoutes(app: App): Promise<void> {
  const tags = ['webhooks'];
  app.get(
    '/deliveries',
    {
      schema: {
        tags,
        security: bearer,
        querystring: DeliveryListQuery,
        response: { 200: Page(Delivery), ...errorReplies },
      },
    },
    (request) => deliveriesOf(app.db, request.actor, request.query),
  );
  app.post(
    '/deliveries/:id/retry',
    { schema: { tags, security: bearer, params: IdParams, response: { 200: Delivery, ...errorReplies } } },
    (request) => retryDelivery(app.db, request.actor, request.params.id),
  );
}
