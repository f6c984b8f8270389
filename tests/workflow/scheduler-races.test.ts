import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject, vi } from 'vitest';
import { createCrmWorker, openPostgres, type Database, type Worker } from '@inbox-crm/server';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import { describe, expect, it, test } from '../support/suite.js';
import type { TestApp } from '../support/test-app.js';
import { HOUR_MS, MINUTE_MS } from '../support/time.js';
import type { WebhookSink } from '../support/webhook-sink.js';

const REMINDERS = 1_000;
const TASKS_AT_ONCE = 8;
const WAIT_LONG = { timeout: 60_000, interval: 25 };

// The workers here are the test's own, with leases and batches of their own; the app gets a database
// of the file's own all the same, so that no other file's jobs are taken.
test.override('appOptions', { isolated: true });

/** Another connection pool on the test's database (PostgreSQL), or the same one (PGlite has one connection). */
function secondDatabase(testApp: TestApp): Database {
  const url = (testApp.database.knex.client as { config: { connection?: { connectionString?: string } } })
    .config.connection?.connectionString;
  return testApp.database.kind === 'postgres' && url
    ? openPostgres(url, 10)
    : { ...testApp.database, close: async () => {} };
}

function workerOn(testApp: TestApp, database: Database, leaseMs = 60_000): Worker {
  return createCrmWorker({
    knex: database.knex,
    publicUrl: 'http://localhost:3000',
    smtp: null,
    webhookAllowPrivate: true, // its webhook sink listens on this machine
    clock: testApp.clock,
    leaseMs,
    pollMs: 20,
    jobBatchSize: 100,
    deliveryBatchSize: 50,
  }).worker;
}

/**
 * An organisation with REMINDERS tasks, each of which a rule reminds its owner of an hour after it
 * is created, in the app and at the webhook sink. The events are run; the reminders are due once
 * the clock moves an hour on.
 */
async function dueReminders(testApp: TestApp, sink: WebhookSink): Promise<TestOrganisation> {
  const org = await createTestOrganisation(testApp);
  const webhook = await org.admin.post('/api/v1/webhooks', { name: 'Sink', url: sink.url });
  const rule = await org.admin.post('/api/v1/workflow-rules', {
    name: 'Remind an hour after',
    recordType: 'task',
    trigger: { type: 'record_created' },
    actions: [
      {
        type: 'send_reminder',
        to: { type: 'owner' },
        after: { amount: 1, unit: 'hours' },
        message: 'Look at this',
        email: false,
        webhookId: webhook.body.id,
      },
    ],
  });
  expect(rule.status).toBe(201);
  // Created a few at a time, as a team would: one by one they took most of this file's time.
  for (let first = 0; first < REMINDERS; first += TASKS_AT_ONCE) {
    const created = await Promise.all(
      Array.from({ length: Math.min(TASKS_AT_ONCE, REMINDERS - first) }, (_, index) =>
        org.admin.post('/api/v1/tasks', { title: `Task ${first + index}` }),
      ),
    );
    expect(created.map((task) => task.status)).toEqual(created.map(() => 201));
  }
  await workerOn(testApp, testApp.database).drain();
  return org;
}

interface Received {
  deliveryId: string;
  taskId: string;
}

const receivedSince = (sink: WebhookSink, first: number): Received[] =>
  sink.received.slice(first).map((call) => ({
    deliveryId: String(call.headers['x-inboxcrm-delivery']),
    taskId: (JSON.parse(call.body) as { data: { taskId: string } }).data.taskId,
  }));

async function countWhere(
  testApp: TestApp,
  table: string,
  orgId: string,
  filter: Record<string, unknown> = {},
): Promise<number> {
  const row = await testApp.database
    .knex(table)
    .where({ org_id: orgId, ...filter })
    .count('* as n')
    .first();
  return Number(row!.n);
}

describe('the scheduler under races and crashes', () => {
  it(`when two workers race over ${REMINDERS} due reminders, then each is delivered exactly once`, async ({
    testApp,
    sink,
  }) => {
    const org = await dueReminders(testApp, sink);
    testApp.clock.advance(HOUR_MS + MINUTE_MS);
    const first = sink.received.length;
    const other = secondDatabase(testApp);
    const workers = [workerOn(testApp, testApp.database), workerOn(testApp, other)];
    workers.forEach((worker) => worker.start());
    try {
      await vi.waitFor(
        () => expect(sink.received.length - first).toBeGreaterThanOrEqual(REMINDERS),
        WAIT_LONG,
      );
      await vi.waitFor(
        async () =>
          expect(await countWhere(testApp, 'deliveries', org.orgId, { status: 'delivered' })).toBe(REMINDERS),
        WAIT_LONG,
      );
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await other.close();
    }
    const received = receivedSince(sink, first);
    expect(received).toHaveLength(REMINDERS);
    expect(new Set(received.map((call) => call.deliveryId)).size).toBe(REMINDERS);
    expect(new Set(received.map((call) => call.taskId)).size).toBe(REMINDERS);
    expect(await countWhere(testApp, 'notifications', org.orgId)).toBe(REMINDERS);
    expect(await countWhere(testApp, 'deliveries', org.orgId)).toBe(REMINDERS);
  }, 120_000);

  it.skipIf(!inject('testServerUrl'))(
    'when a worker process is killed mid-batch and another takes over, then nothing is lost and only its in-flight deliveries repeat, with the same ids (needs PostgreSQL: a second process cannot open the embedded database)',
    async ({ testApp, sink }) => {
      const org = await dueReminders(testApp, sink);
      testApp.clock.advance(HOUR_MS + MINUTE_MS);
      sink.slowBy(30);
      const first = sink.received.length;
      const url = (testApp.database.knex.client as { config: { connection: { connectionString: string } } })
        .config.connection.connectionString;
      const child = spawn(
        process.execPath,
        [
          fileURLToPath(new URL('./worker-child.mjs', import.meta.url)),
          url,
          '1500',
          testApp.clock.now().toISOString(),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await vi.waitFor(
        () => expect(sink.received.length - first).toBeGreaterThanOrEqual(REMINDERS / 3),
        WAIT_LONG,
      );
      child.kill('SIGKILL');
      await exited;

      const inFlight = new Set(
        (await testApp.database
          .knex('deliveries')
          .where({ org_id: org.orgId, status: 'sending' })
          .pluck('id')) as string[],
      );
      expect(inFlight.size).toBeGreaterThan(0);
      const successor = workerOn(testApp, testApp.database);
      successor.start();
      try {
        await vi.waitFor(
          async () =>
            expect(await countWhere(testApp, 'deliveries', org.orgId, { status: 'delivered' })).toBe(
              REMINDERS,
            ),
          WAIT_LONG,
        );
      } finally {
        await successor.stop();
        sink.slowBy(0);
      }

      const received = receivedSince(sink, first);
      const seen = new Map<string, number>();
      for (const call of received) seen.set(call.deliveryId, (seen.get(call.deliveryId) ?? 0) + 1);
      const repeated = [...seen].filter(([, times]) => times > 1).map(([id]) => id);
      expect(new Set(received.map((call) => call.taskId)).size).toBe(REMINDERS);
      expect(seen.size).toBe(REMINDERS);
      expect(repeated.every((id) => inFlight.has(id))).toBe(true);
      expect(await countWhere(testApp, 'deliveries', org.orgId)).toBe(REMINDERS);
      expect(await countWhere(testApp, 'notifications', org.orgId)).toBe(REMINDERS);
    },
    120_000,
  );
});
