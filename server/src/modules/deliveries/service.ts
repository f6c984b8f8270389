import type { Delivery, DeliveryListQuery, PageOf } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { NotFound, Unprocessable } from '../../errors.js';
import { findDelivery, listDeliveries, requeueFailed } from './delivery-log.js';

/** The organisation's deliveries, for admins. */
export function deliveriesOf(db: Knex, actor: Actor, query: DeliveryListQuery): Promise<PageOf<Delivery>> {
  requireRole(actor, 'admin');
  return listDeliveries(db, actor.orgId, query);
}

/** Sends a failed delivery again, from its first attempt, with the same delivery id. */
export async function retryDelivery(db: Knex, actor: Actor, id: string): Promise<Delivery> {
  requireRole(actor, 'admin');
  const requeued = await requeueFailed(db, actor.orgId, id);
  if (requeued) return requeued;
  if (!(await findDelivery(db, actor.orgId, id))) throw new NotFound('Delivery');
  throw new Unprocessable('not_failed', 'Only a failed delivery can be retried.');
}
