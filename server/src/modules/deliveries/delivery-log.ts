import type { Delivery, DeliveryListQuery, PageOf } from '@inbox-crm/shared';
import { pageById } from '../../db/pagination.js';
import { iso, isoOrNull, type Db } from '../../db/types.js';

interface DeliveryRow {
  id: string;
  channel: Delivery['channel'];
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

/** An organisation's deliveries, newest first, optionally of one status. */
export function listDeliveries(db: Db, orgId: string, query: DeliveryListQuery): Promise<PageOf<Delivery>> {
  const builder = db('deliveries').where({ org_id: orgId });
  if (query.status) builder.where({ status: query.status });
  return pageById(builder, query, toDelivery);
}

export async function findDelivery(db: Db, orgId: string, id: string): Promise<Delivery | undefined> {
  const row = (await db('deliveries').where({ org_id: orgId, id }).first()) as DeliveryRow | undefined;
  return row && toDelivery(row);
}

/** A failed delivery queued again from its first attempt (same id); undefined if it had not failed. */
export async function requeueFailed(db: Db, orgId: string, id: string): Promise<Delivery | undefined> {
  const [row] = (await db('deliveries')
    .where({ org_id: orgId, id, status: 'failed' })
    .update({ status: 'pending', attempts: 0, next_attempt_at: db.fn.now() })
    .returning('*')) as DeliveryRow[];
  return row && toDelivery(row);
}
