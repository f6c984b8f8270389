import { createCrmWorker, type ManualClock, type Worker } from '@inbox-crm/server';
import type { TestApp } from './test-app.js';

export interface TestWorker {
  worker: Worker;
  clock: ManualClock;
  close(): Promise<void>;
}

/**
 * The CRM's worker on the test app's database and clock (which the test moves), not started: the test
 * calls worker.drain() when it wants due work done. Deliveries retry after a second, not minutes.
 */
export function startTestWorker(
  testApp: TestApp,
  options: { smtpUrl?: string; leaseMs?: number } = {},
): TestWorker {
  const { clock } = testApp;
  const scheduler = createCrmWorker({
    knex: testApp.database.knex,
    publicUrl: 'http://localhost:3000',
    smtp: options.smtpUrl ? { url: options.smtpUrl, from: 'Inbox CRM <crm@localhost>' } : null,
    clock,
    deliveryRetryBaseMs: 1_000,
    deliveryRetryMaxMs: 60_000,
    maxDeliveryAttempts: 4,
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
  });
  return { worker: scheduler.worker, clock, close: () => scheduler.close() };
}
