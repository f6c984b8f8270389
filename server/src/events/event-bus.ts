import type { Knex } from 'knex';
import type { DomainEvent, DomainEventType, EventOf } from './domain-events.js';

/**
 * Reacts to an event inside the transaction that published it, so the reaction commits with the
 * change or not at all. Work that must happen later goes on the durable job queue from here.
 */
export type Subscriber<T extends DomainEventType> = (
  trx: Knex.Transaction,
  event: EventOf<T>,
) => Promise<void>;

export interface EventBus {
  on<T extends DomainEventType>(type: T, subscriber: Subscriber<T>): void;
}

// Each list holds subscribers of its own type only, which on() ensures; emit() hands them their type.
type AnySubscriber = (trx: Knex.Transaction, event: DomainEvent) => Promise<void>;
const subscribers = new Map<DomainEventType, AnySubscriber[]>();
let wired = false;

/**
 * Registers the subscribers, once per process: the composition root (event-subscribers.ts) calls it
 * before the app or a worker starts. Later calls do nothing, so every app a test builds shares them.
 */
export function wireSubscribers(wire: (bus: EventBus) => void): void {
  if (wired) return;
  wire({
    on(type, subscriber) {
      const list = subscribers.get(type) ?? [];
      list.push(subscriber as unknown as AnySubscriber);
      subscribers.set(type, list);
    },
  });
  wired = true;
}

/** Publishes an event to its subscribers, in the order they were registered, in this transaction. */
export async function emit(trx: Knex.Transaction, event: DomainEvent): Promise<void> {
  if (!wired) {
    // Publishing to nobody would drop the audit entry, plan stops and rule events silently.
    throw new Error('A domain event was published before the composition root wired its subscribers.');
  }
  for (const subscriber of subscribers.get(event.type) ?? []) await subscriber(trx, event);
}
