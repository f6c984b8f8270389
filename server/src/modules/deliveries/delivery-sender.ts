import { retryDelayMs } from '../../jobs/backoff.js';
import type { WorkerLoop } from '../../jobs/worker.js';
import type { ClaimedDelivery, DeliveryOutcome, DeliveryTransport } from './delivery-types.js';
import { claimDeliveries, recordOutcomes, type RecordedOutcome } from './repository.js';

export interface DeliveryTransports {
  email: DeliveryTransport | null;
  webhook: DeliveryTransport;
  /** Mail from support addresses; null where the server cannot open mailboxes' secrets. */
  supportMail: DeliveryTransport | null;
}

const transportFor = (channel: ClaimedDelivery['channel'], transports: DeliveryTransports) =>
  channel === 'email'
    ? transports.email
    : channel === 'webhook'
      ? transports.webhook
      : transports.supportMail;

export interface DeliverySenderOptions {
  transports: DeliveryTransports;
  batchSize: number;
  /** How long a claim lasts; it must exceed the slowest attempt (the webhook timeout) by a margin. */
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

async function attempt(delivery: ClaimedDelivery, transports: DeliveryTransports, sentAt: Date) {
  const transport = transportFor(delivery.channel, transports);
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
  options: DeliverySenderOptions,
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
 * The worker loop that sends due deliveries: it claims a batch (a lease in the worker's name,
 * committed before sending), sends them side by side and records the outcomes. A sender that dies
 * after sending and before recording leaves its claims to expire; the next sender repeats those
 * deliveries with the same id, which is the only way one can arrive twice.
 */
export function deliverySender(options: DeliverySenderOptions): WorkerLoop {
  return async (knex, clock, senderId) => {
    const claimed = await claimDeliveries(knex, senderId, clock.now(), options.batchSize, options.leaseMs);
    if (claimed.length === 0) return 0;
    const sentAt = clock.now();
    const outcomes = await Promise.all(
      claimed.map(async (delivery) =>
        recorded(delivery, await attempt(delivery, options.transports, sentAt), sentAt, options),
      ),
    );
    await recordOutcomes(knex, senderId, outcomes, clock.now());
    return claimed.length;
  };
}
