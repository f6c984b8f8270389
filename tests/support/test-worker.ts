import { createCrmWorker, type ManualClock, type Worker } from '@inbox-crm/server';
import { TEST_SECRETS_KEY, type TestApp } from './test-app.js';

/** What a test may set on the worker it starts. */
export interface TestWorkerOptions {
  smtpUrl?: string;
  leaseMs?: number;
  webhookAllowPrivate?: boolean;
  webhookTimeoutMs?: number;
  /** How much attachment content imported archives keep; by default the server's. */
  attachmentLimits?: { perFileBytes: number; perOrganisationBytes: number };
}

export interface TestWorker {
  worker: Worker;
  clock: ManualClock;
  close(): Promise<void>;
}

/**
 * The CRM's worker on the test app's database and clock (which the test moves), not started: the test
 * calls worker.drain() when it wants due work done. Deliveries retry after a second, not minutes.
 * Webhooks and support mailboxes' outgoing servers may be private addresses (unless the test says
 * otherwise for webhooks): the suites' receivers listen on loopback.
 */
export function startTestWorker(testApp: TestApp, options: TestWorkerOptions = {}): TestWorker {
  const { clock } = testApp;
  const scheduler = createCrmWorker({
    knex: testApp.database.knex,
    publicUrl: 'http://localhost:3000',
    smtp: options.smtpUrl ? { url: options.smtpUrl, from: 'Inbox CRM <crm@localhost>' } : null,
    clock,
    deliveryRetryBaseMs: 1_000,
    deliveryRetryMaxMs: 60_000,
    maxDeliveryAttempts: 4,
    webhookAllowPrivate: options.webhookAllowPrivate ?? true,
    secretsKey: TEST_SECRETS_KEY,
    mailboxAllowPrivate: true,
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    ...(options.webhookTimeoutMs ? { webhookTimeoutMs: options.webhookTimeoutMs } : {}),
    ...(options.attachmentLimits ? { attachmentLimits: options.attachmentLimits } : {}),
  });
  return { worker: scheduler.worker, clock, close: () => scheduler.close() };
}
