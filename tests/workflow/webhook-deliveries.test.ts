import { verifyWebhookSignature } from '@inbox-crm/server';
import type { Delivery } from '@inbox-crm/shared';
import type { Client } from '../support/http.js';
import { describe, expect, test } from '../support/suite.js';
import { startTestWorker } from '../support/test-worker.js';
import type { ReceivedWebhook } from '../support/webhook-sink.js';

test.override('appOptions', { isolated: true });

const it = test
  /** Every test's organisation sends each new account to the sink: the secret of that webhook. */
  .extend('secret', { auto: true }, async ({ org, sink }) => {
    const webhook = await org.admin.post('/api/v1/webhooks', { name: 'Sink', url: sink.url });
    const rule = await org.admin.post('/api/v1/workflow-rules', {
      name: 'Every new account to the sink',
      recordType: 'account',
      trigger: { type: 'record_created' },
      actions: [{ type: 'call_webhook', webhookId: webhook.body.id }],
    });
    expect(rule.status).toBe(201);
    return webhook.body.secret as string;
  })
  /** Creates an account (firing the rule) and runs the event; returns the calls that follow. */
  .extend(
    'accountCreated',
    ({ org, scheduler, sink }) =>
      async (name: string): Promise<ReceivedWebhook[]> => {
        const first = sink.received.length;
        await org.admin.post('/api/v1/accounts', { name });
        await scheduler.worker.drain();
        return sink.received.slice(first);
      },
  );

const deliveries = async (admin: Client, status: string) =>
  (await admin.get(`/api/v1/deliveries?status=${status}`)).body.items as Delivery[];

const signedCorrectly = (call: ReceivedWebhook, secret: string) =>
  verifyWebhookSignature(
    secret,
    Number(call.headers['x-inboxcrm-timestamp']),
    call.body,
    String(call.headers['x-inboxcrm-signature']),
  );

describe('webhook deliveries', () => {
  it('when the receiver fails, then the same delivery is retried with growing waits until it is taken', async ({
    testApp,
    org,
    scheduler,
    sink,
    secret,
    accountCreated,
  }) => {
    sink.failNext(500, 503);
    const calls = await accountCreated('Retry Ltd');
    expect(calls.map((call) => call.status)).toEqual([500]);
    const [pending] = await deliveries(org.admin, 'pending');
    expect(pending).toMatchObject({
      attempts: 1,
      lastStatus: 500,
      lastError: expect.stringContaining('500'),
    });
    const firstWait = new Date(pending!.nextAttemptAt).getTime() - testApp.clock.now().getTime();
    expect(firstWait).toBeGreaterThanOrEqual(800);
    expect(firstWait).toBeLessThanOrEqual(1200);

    await scheduler.worker.drain();
    expect(sink.received.slice(-1)[0]).toBe(calls[0]);
    testApp.clock.advance(1_200);
    await scheduler.worker.drain();
    const [second] = await deliveries(org.admin, 'pending');
    const secondWait = new Date(second!.nextAttemptAt).getTime() - testApp.clock.now().getTime();
    expect(secondWait).toBeGreaterThanOrEqual(1_600);
    testApp.clock.advance(2_400);
    await scheduler.worker.drain();

    const attempts = sink.received.slice(-3);
    expect(attempts.map((call) => call.status)).toEqual([500, 503, 204]);
    expect(new Set(attempts.map((call) => call.headers['x-inboxcrm-delivery'])).size).toBe(1);
    expect(attempts.every((call) => signedCorrectly(call, secret))).toBe(true);
    expect(await deliveries(org.admin, 'delivered')).toEqual([
      expect.objectContaining({ attempts: 3, lastStatus: 204, deliveredAt: expect.any(String) }),
    ]);
  });

  it('when every attempt fails, then the delivery is marked failed for admins, who can send it again', async ({
    testApp,
    org,
    scheduler,
    sink,
    accountCreated,
  }) => {
    sink.failNext(500, 500, 500, 500);
    await accountCreated('Down Ltd');
    for (let attempt = 0; attempt < 4; attempt += 1) {
      testApp.clock.advance(60_000);
      await scheduler.worker.drain();
    }
    const [failed] = await deliveries(org.admin, 'failed');
    expect(failed).toMatchObject({ attempts: 4, lastStatus: 500, channel: 'webhook', recipient: sink.url });
    expect(sink.received.filter((call) => call.headers['x-inboxcrm-delivery'] === failed!.id)).toHaveLength(
      4,
    );

    const retried = await org.admin.post(`/api/v1/deliveries/${failed!.id}/retry`);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    await scheduler.worker.drain();
    expect(await deliveries(org.admin, 'delivered')).toEqual([expect.objectContaining({ id: failed!.id })]);
    expect((await org.admin.post(`/api/v1/deliveries/${failed!.id}/retry`)).status).toBe(422);
  });

  it('when the receiver answers 410 Gone, then it gives up at once; an unreachable one is retried', async ({
    org,
    sink,
    accountCreated,
  }) => {
    sink.failNext(410);
    await accountCreated('Gone Ltd');
    expect(await deliveries(org.admin, 'failed')).toEqual([
      expect.objectContaining({ attempts: 1, lastStatus: 410 }),
    ]);

    const webhooks = (await org.admin.get('/api/v1/webhooks')).body.items as {
      id: string;
      version: number;
    }[];
    await org.admin.patch(`/api/v1/webhooks/${webhooks[0]!.id}`, {
      version: webhooks[0]!.version,
      url: 'http://127.0.0.1:9/hook',
    });
    await accountCreated('Nowhere Ltd');
    expect(await deliveries(org.admin, 'pending')).toEqual([
      expect.objectContaining({
        attempts: 1,
        lastStatus: null,
        lastError: expect.stringContaining('could not be reached'),
      }),
    ]);
  });

  it('when the receiver answers slower than the timeout, then the attempt is recorded as timed out and retried', async ({
    testApp,
    org,
    sink,
  }) => {
    const impatient = startTestWorker(testApp, { webhookTimeoutMs: 200 });
    sink.slowBy(1_000);
    try {
      await org.admin.post('/api/v1/accounts', { name: 'Slow Ltd' });
      await impatient.worker.drain();
    } finally {
      sink.slowBy(0);
      await impatient.close();
    }
    expect(await deliveries(org.admin, 'pending')).toEqual([
      expect.objectContaining({ attempts: 1, lastStatus: null, lastError: 'The receiver timed out.' }),
    ]);
  });

  it('shows the secret once, refuses plain http to other hosts, and signs with the rotated secret at once', async ({
    org,
    secret,
    accountCreated,
  }) => {
    const listed = (await org.admin.get('/api/v1/webhooks')).body.items as Record<string, unknown>[];
    expect(listed[0]).not.toHaveProperty('secret');
    const plain = await org.admin.post('/api/v1/webhooks', {
      name: 'Plain',
      url: 'http://hooks.example.com/in',
    });
    expect(plain.status).toBe(400);
    const rotated = await org.admin.post(`/api/v1/webhooks/${listed[0]!.id as string}/rotate-secret`);
    expect(rotated.body.secret).not.toBe(secret);
    const oldSecret = secret;
    secret = rotated.body.secret as string;
    const [call] = await accountCreated('Rotated Ltd');
    expect(signedCorrectly(call!, secret)).toBe(true);
    expect(
      verifyWebhookSignature(
        oldSecret,
        Number(call!.headers['x-inboxcrm-timestamp']),
        call!.body,
        String(call!.headers['x-inboxcrm-signature']),
      ),
    ).toBe(false);
  });
});
