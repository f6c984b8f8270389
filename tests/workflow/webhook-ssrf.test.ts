import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Delivery } from '@inbox-crm/shared';
import type { Client } from '../support/http.js';
import type { TestOrganisation } from '../support/organisation.js';
import { describe, expect, test } from '../support/suite.js';
import type { TestApp } from '../support/test-app.js';
import { startTestWorker } from '../support/test-worker.js';

const REFUSED_SENTENCE =
  "The receiver's address is on a private or local network, which this server does not call.";

/** A loopback port nothing listens on: taken from the system, then let go. */
async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test.override('appOptions', { isolated: true, webhookAllowPrivate: false });

const it = test
  /** The worker as a shared server runs it: webhooks reach public addresses only. */
  .extend('guarded', { scope: 'file' }, ({ testApp }, { onCleanup }) => {
    const worker = startTestWorker(testApp, { webhookAllowPrivate: false });
    onCleanup(() => worker.close());
    return worker;
  })
  /** The worker of an on-premises install that allows private addresses. */
  .extend('onPremises', { scope: 'file' }, ({ testApp }, { onCleanup }) => {
    const worker = startTestWorker(testApp, { webhookAllowPrivate: true });
    onCleanup(() => worker.close());
    return worker;
  })
  .extend('sinkPort', { scope: 'file' }, ({ sink }) => Number(new URL(sink.url).port))
  .extend('closedPort', { scope: 'file' }, () => freeLoopbackPort());

const storedWebhooks = async (testApp: TestApp, org: TestOrganisation) =>
  Number((await testApp.database.knex('webhooks').where({ org_id: org.orgId }).count('* as n').first())!.n);

const deliveries = async (admin: Client, status: string) =>
  (await admin.get(`/api/v1/deliveries?status=${status}`)).body.items as Delivery[];

/**
 * Webhooks that point at `urls`, as rows saved while private addresses were allowed (or whose host
 * name's answer changed since): created at a public address through the API, then moved in the
 * database, where the API would refuse them. One rule calls them all when an account is created.
 */
async function webhooksAt(testApp: TestApp, org: TestOrganisation, urls: readonly string[]): Promise<void> {
  const webhookIds: string[] = [];
  for (const url of urls) {
    const created = await org.admin.post('/api/v1/webhooks', {
      name: `To ${url}`,
      url: 'https://hooks.example.com/in',
    });
    expect(created.status).toBe(201);
    await testApp.database
      .knex('webhooks')
      .where({ org_id: org.orgId, id: created.body.id as string })
      .update({ url });
    webhookIds.push(created.body.id as string);
  }
  const rule = await org.admin.post('/api/v1/workflow-rules', {
    name: 'Every new account to every webhook',
    recordType: 'account',
    trigger: { type: 'record_created' },
    actions: webhookIds.map((webhookId) => ({ type: 'call_webhook', webhookId })),
  });
  expect(rule.status).toBe(201);
}

describe('webhook receivers on private and local networks', () => {
  it.for([
    'http://127.1:8080/',
    'https://0x7f000001/',
    'https://[::1]/',
    'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.1/',
    'https://localhost/',
  ])(
    'when private addresses are not allowed and an admin creates a webhook to %s, then it is refused and nothing is stored',
    async (url, { testApp, org }) => {
      const reply = await org.admin.post('/api/v1/webhooks', { name: 'Inside', url });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        error: 'validation_failed',
        message: expect.stringMatching(/^A webhook URL must name a public address/),
        details: [{ in: 'body', field: 'url' }],
      });
      expect(await storedWebhooks(testApp, org)).toBe(0);
      expect((await org.admin.get('/api/v1/webhooks')).body.items).toEqual([]);
    },
  );

  it.for(['https://999.999.999.999/', 'https://example.com:99999/', 'https://xn--a/'])(
    'when an admin gives a URL no browser could call (%s), then it is refused with 400, not an error of ours',
    async (url, { testApp, org }) => {
      const reply = await org.admin.post('/api/v1/webhooks', { name: 'Odd', url });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        error: 'validation_failed',
        details: [{ in: 'body', field: 'url' }],
      });
      expect(await storedWebhooks(testApp, org)).toBe(0);
    },
  );

  it('when private addresses are not allowed and an admin moves a webhook to loopback, then the change is refused', async ({
    org,
  }) => {
    const created = await org.admin.post('/api/v1/webhooks', {
      name: 'Public',
      url: 'https://hooks.example.com/in',
    });
    const moved = await org.admin.patch(`/api/v1/webhooks/${created.body.id as string}`, {
      version: created.body.version as number,
      url: 'https://[::ffff:127.0.0.1]:8443/',
    });
    expect(moved.status).toBe(400);
    expect((await org.admin.get('/api/v1/webhooks')).body.items).toEqual([
      expect.objectContaining({ url: 'https://hooks.example.com/in', version: created.body.version }),
    ]);
  });

  it('when a webhook host is loopback at send time, then the delivery fails at once with one sentence whatever the port, and nothing is called', async ({
    testApp,
    org,
    guarded,
    sink,
    sinkPort,
    closedPort,
  }) => {
    const before = sink.received.length;
    await webhooksAt(testApp, org, [
      `http://localhost:${sinkPort}/hook`,
      `http://localhost:${closedPort}/hook`,
      `http://127.0.0.1:${sinkPort}/hook`,
      `http://[::1]:${closedPort}/hook`,
    ]);
    await org.admin.post('/api/v1/accounts', { name: 'Probe Ltd' });
    await guarded.worker.drain();

    const failed = await deliveries(org.admin, 'failed');
    expect(failed).toHaveLength(4);
    for (const delivery of failed) {
      expect(delivery).toMatchObject({ attempts: 1, lastStatus: null, lastError: REFUSED_SENTENCE });
    }
    expect(await deliveries(org.admin, 'pending')).toEqual([]);

    testApp.clock.advance(60 * 60_000);
    await guarded.worker.drain();
    expect((await deliveries(org.admin, 'failed')).map((delivery) => delivery.attempts)).toEqual([
      1, 1, 1, 1,
    ]);
    expect(sink.received.length).toBe(before);
  });

  it('when the server allows private addresses, then the same delivery reaches the receiver on loopback', async ({
    testApp,
    org,
    guarded,
    onPremises,
    sink,
    sinkPort,
  }) => {
    await webhooksAt(testApp, org, [`http://localhost:${sinkPort}/hook`]);
    await org.admin.post('/api/v1/accounts', { name: 'On Premises Ltd' });
    await guarded.worker.drain();
    const [refused] = await deliveries(org.admin, 'failed');
    expect(refused).toMatchObject({ attempts: 1, lastError: REFUSED_SENTENCE });

    const before = sink.received.length;
    expect((await org.admin.post(`/api/v1/deliveries/${refused!.id}/retry`)).status).toBe(200);
    await onPremises.worker.drain();
    expect(await deliveries(org.admin, 'delivered')).toEqual([
      expect.objectContaining({ id: refused!.id, attempts: 1, lastStatus: 204 }),
    ]);
    const calls = sink.received.slice(before);
    expect(calls.map((call) => call.headers['x-inboxcrm-delivery'])).toEqual([refused!.id]);
  });
});
