import { Delivery, DeliveryListQuery, IdParams, Page, type PageOf } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { pageById } from '../../db/pagination.js';
import { iso, isoOrNull } from '../../db/types.js';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { NotFound, Unprocessable } from '../../errors.js';

interface DeliveryRow {
  id: string;
  channel: 'email' | 'webhook';
  recipient: string;
  webhook_id: string | null;
  event: string;
  status: Delivery['status'];
  attempts: number;
  last_error: string | null;
  last_status: number | null;
  due_at: Date;
  next_attempt_at: Date;
  delivered_at: Date | null;
  created_at: Date;
}

const toDelivery = (row: DeliveryRow): Delivery => ({
  id: row.id,
  channel: row.channel,
  recipient: row.recipient,
  webhookId: row.webhook_id,
  event: row.event,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  lastStatus: row.last_status,
  dueAt: iso(row.due_at),
  nextAttemptAt: iso(row.next_attempt_at),
  deliveredAt: isoOrNull(row.delivered_at),
  createdAt: iso(row.created_at),
});

function listDeliveries(db: Knex, actor: Actor, query: DeliveryListQuery): Promise<PageOf<Delivery>> {
  requireRole(actor, 'admin');
  const builder = db('deliveries').where({ org_id: actor.orgId });
  if (query.status) builder.where({ status: query.status });
  return pageById(builder, query, toDelivery);
}

/** Sends a failed delivery again, from its first attempt, with the same delivery id. */
async function retryDelivery(db: Knex, actor: Actor, id: string): Promise<Delivery> {
  requireRole(actor, 'admin');
  const row = (await db('deliveries').where({ org_id: actor.orgId, id }).first()) as DeliveryRow | undefined;
  if (!row) throw new NotFound('Delivery');
  if (row.status !== 'failed')
    throw new Unprocessable('not_failed', 'Only a failed delivery can be retried.');
  const [updated] = (await db('deliveries')
    .where({ org_id: actor.orgId, id, status: 'failed' })
    .update({ status: 'pending', attempts: 0, next_attempt_at: db.fn.now() })
    .returning('*')) as DeliveryRow[];
  return toDelivery(updated ?? row);
}

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
    (request) => listDeliveries(app.db, request.actor, request.query),
  );
  app.post(
    '/deliveries/:id/retry',
    { schema: { tags, security: bearer, params: IdParams, response: { 200: Delivery, ...errorReplies } } },
    (request) => retryDelivery(app.db, request.actor, request.params.id),
  );
}
