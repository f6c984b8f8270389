import type { Knex } from 'knex';
import type {
  ClaimedDelivery,
  DeliveryOutcome,
  DeliveryTransport,
} from '../modules/deliveries/delivery-types.js';
import { claimDeliveries, recordOutcomes, type RecordedOutcome } from '../modules/deliveries/repository.js';
import { retryDelayMs } from './backoff.js';
import type { Clock } from './clock.js';

export interface DeliveryTransports {
  email: DeliveryTransport | null;
  webhook: DeliveryTransport;
}

export interface DeliveryRunnerOptions {
  senderId: string;
  transports: DeliveryTransports;
  batchSize: number;
  /** How long a claim lasts; it must exceed the slowest attempt (the webhook timeout) by a margin. */
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

async function attempt(delivery: ClaimedDelivery, transports: DeliveryTransports, sentAt: Date) {
  const transport = delivery.channel === 'email' ? transports.email : transports.webhook;
  if (!transport) return { ok: false, error: 'Email is not set up on this server.', retry: false } as const;
  try {
    return await transport.send(delivery, sentAt);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), retry: true } as const;
  }
}

function recorded(
  delivery: ClaimedDelivery,
  outcome: DeliveryOutcome,
  now: Date,
  options: DeliveryRunnerOptions,
): RecordedOutcome {
  if (outcome.ok) {
    return { delivery, status: 'delivered', error: null, httpStatus: outcome.status ?? null, retryAt: null };
  }
  const givesUp = !outcome.retry || delivery.attempt >= options.maxAttempts;
  return {
    delivery,
    status: givesUp ? 'failed' : 'pending',
    error: outcome.error,
    httpStatus: outcome.status ?? null,
    retryAt: givesUp
      ? null
      : new Date(now.getTime() + retryDelayMs(delivery.attempt, options.retryBaseMs, options.retryMaxMs)),
  };
}

/**
 * Claims a batch of deliveries (a lease, committed before sending), sends them side by side and
 * records the outcomes. A sender that dies after sending and before recording leaves its claims to
 * expire; the next sender repeats those deliveries with the same id, which is the only way one can
 * arrive twice. Returns how many were claimed.
 */
export async function sendDueDeliveries(
  knex: Knex,
  clock: Clock,
  options: DeliveryRunnerOptions,
): Promise<number> {
  const claimed = await claimDeliveries(
    knex,
    options.senderId,
    clock.now(),
    options.batchSize,
    options.leaseMs,
  );
  if (claimed.length === 0) return 0;
  const sentAt = clock.now();
  const outcomes = await Promise.all(
    claimed.map(async (delivery) =>
      recorded(delivery, await attempt(delivery, options.transports, sentAt), sentAt, options),
    ),
  );
  await recordOutcomes(knex, options.senderId, outcomes, clock.now());
  return claimed.length;
}
