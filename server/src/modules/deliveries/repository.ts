import type { Knex } from 'knex';
import { newId } from '../../db/ids.js';
import { textArray, type Db } from '../../db/types.js';
import type { ClaimedDelivery, DeliveryChannel } from './delivery-types.js';

export interface NewDelivery {
  orgId: string;
  channel: DeliveryChannel;
  recipient: string;
  webhookId?: string | null;
  /** The job that queued it (in the same transaction). */
  jobId?: string | null;
  event: string;
  payload: Record<string, unknown>;
  /** When it fell due, for measuring how late it arrives. */
  dueAt: Date;
  /** The first attempt may start from this time. */
  sendAfter: Date;
}

export async function enqueueDeliveries(db: Db, deliveries: readonly NewDelivery[]): Promise<string[]> {
  if (deliveries.length === 0) return [];
  const rows = deliveries.map((delivery) => ({
    org_id: delivery.orgId,
    id: newId(),
    channel: delivery.channel,
    recipient: delivery.recipient,
    webhook_id: delivery.webhookId ?? null,
    job_id: delivery.jobId ?? null,
    event: delivery.event,
    payload: JSON.stringify(delivery.payload),
    due_at: delivery.dueAt,
    next_attempt_at: delivery.sendAfter,
  }));
  await db('deliveries').insert(rows);
  return rows.map((row) => row.id);
}

interface ClaimedRow {
  org_id: string;
  id: string;
  channel: DeliveryChannel;
  recipient: string;
  webhook_id: string | null;
  event: string;
  payload: Record<string, unknown>;
  attempts: number;
  due_at: Date;
  webhook_secret: string | null;
}

const toClaimed = (row: ClaimedRow): ClaimedDelivery => ({
  orgId: row.org_id,
  id: row.id,
  channel: row.channel,
  recipient: row.recipient,
  webhookId: row.webhook_id,
  event: row.event,
  payload: row.payload,
  attempt: row.attempts,
  dueAt: row.due_at,
  webhookSecret: row.webhook_secret,
});

// The claim reads each webhook's current secret with it (none if the webhook was removed or
// switched off), so a rotated secret signs from the next claim on.
const CLAIM = (candidates: string) => `
  UPDATE deliveries AS d
     SET status = 'sending', attempts = d.attempts + 1, claimed_by = ?,
         lease_until = clock_timestamp() + ? * interval '1 millisecond'
    FROM (${candidates} FOR UPDATE SKIP LOCKED) AS due
    LEFT JOIN webhooks AS w
      ON w.org_id = due.org_id AND w.id = due.webhook_id AND w.active AND w.deleted_at IS NULL
   WHERE d.org_id = due.org_id AND d.id = due.id
  RETURNING d.org_id, d.id, d.channel, d.recipient, d.webhook_id, d.event, d.payload, d.attempts, d.due_at,
            w.secret AS webhook_secret`;

// Leases are measured by the database's clock, the one clock every instance shares: a worker whose
// own clock jumps neither steals a live claim nor strands a dead one.
const EXPIRED = `SELECT org_id, id, webhook_id FROM deliveries
  WHERE status = 'sending' AND lease_until < clock_timestamp() ORDER BY lease_until LIMIT ?`;
const DUE = `SELECT org_id, id, webhook_id FROM deliveries
  WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`;

/**
 * Leases up to `limit` deliveries to this sender: first those whose sender died (lease expired),
 * then those due. Each claim commits at once, before anything is sent.
 */
export async function claimDeliveries(
  knex: Knex,
  senderId: string,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  const expired = await knex.raw<{ rows: ClaimedRow[] }>(CLAIM(EXPIRED), [senderId, leaseMs, limit]);
  const left = limit - expired.rows.length;
  const due =
    left > 0 ? (await knex.raw<{ rows: ClaimedRow[] }>(CLAIM(DUE), [senderId, leaseMs, now, left])).rows : [];
  return [...expired.rows, ...due].map(toClaimed);
}

/** The result of one attempt, as recorded. */
export interface RecordedOutcome {
  delivery: ClaimedDelivery;
  status: 'delivered' | 'pending' | 'failed';
  error: string | null;
  httpStatus: number | null;
  /** For 'pending': when to try again. */
  retryAt: Date | null;
}

/**
 * Records what came of a batch of attempts, in one statement. Only claims this sender still holds
 * are written: if its lease ran out and another sender took a delivery over, that one records it.
 */
export async function recordOutcomes(
  knex: Knex,
  senderId: string,
  outcomes: readonly RecordedOutcome[],
  now: Date,
): Promise<void> {
  if (outcomes.length === 0) return;
  await knex.raw(
    `UPDATE deliveries AS d
        SET status = o.status, last_error = o.error, last_status = o.http_status,
            next_attempt_at = COALESCE(o.retry_at, d.next_attempt_at),
            delivered_at = CASE WHEN o.status = 'delivered' THEN ?::timestamptz END,
            lease_until = NULL, claimed_by = NULL
       FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::timestamptz[])
            AS o (org_id, id, status, error, http_status, retry_at)
      WHERE d.org_id = o.org_id AND d.id = o.id AND d.claimed_by = ? AND d.status = 'sending'`,
    [
      now.toISOString(),
      outcomes.map((outcome) => outcome.delivery.orgId),
      outcomes.map((outcome) => outcome.delivery.id),
      outcomes.map((outcome) => outcome.status),
      textArray(outcomes.map((outcome) => outcome.error)),
      outcomes.map((outcome) => outcome.httpStatus) as number[],
      textArray(outcomes.map((outcome) => outcome.retryAt?.toISOString() ?? null)),
      senderId,
    ],
  );
}
