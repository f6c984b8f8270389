import { createContact } from '../support/fixtures.js';
import { createTestOrganisation } from '../support/organisation.js';
import { describe, expect, test } from '../support/suite.js';
import { HOUR_MS } from '../support/time.js';

test.override('appOptions', { isolated: true });

const it = test
  .extend('other', ({ testApp }) => createTestOrganisation(testApp))
  /** The workflow of the test's organisation (the owner): the ids of one of each of its things. */
  .extend('theirs', async ({ testApp, org: owner, scheduler, sink }) => {
    const webhook = (await owner.admin.post('/api/v1/webhooks', { name: 'Sink', url: sink.url })).body
      .id as string;
    const rule = (
      await owner.admin.post('/api/v1/workflow-rules', {
        name: 'Accounts to the sink',
        recordType: 'account',
        trigger: { type: 'record_created' },
        actions: [{ type: 'call_webhook', webhookId: webhook }],
      })
    ).body.id as string;
    const plan = (
      await owner.admin.post('/api/v1/engagement-plans', {
        name: 'Welcome',
        recordType: 'contact',
        steps: [{ day: 5, type: 'call', title: 'Call' }],
      })
    ).body.id as string;
    const contact = await createContact(owner.admin, { firstName: 'Ines', lastName: 'Alvarez' });
    const enrollment = (
      await owner.admin.post(`/api/v1/engagement-plans/${plan}/enrollments`, {
        recordType: 'contact',
        recordId: contact.id,
      })
    ).body.id as string;
    await owner.admin.post('/api/v1/tasks', {
      title: 'Theirs',
      dueAt: new Date(testApp.clock.now().getTime() + HOUR_MS).toISOString(),
      reminderMinutes: 0,
    });
    sink.failNext(410);
    await owner.admin.post('/api/v1/accounts', { name: 'Gone Ltd' });
    testApp.clock.advance(HOUR_MS);
    await scheduler.worker.drain();
    const delivery = (await owner.admin.get('/api/v1/deliveries?status=failed')).body.items[0].id as string;
    const notification = (await owner.admin.get('/api/v1/notifications')).body.items[0].id as string;
    return { rule, webhook, plan, enrollment, delivery, notification, contact: contact.id };
  });

describe("another organisation's workflow", () => {
  it('cannot be seen', async ({ other, theirs }) => {
    expect((await other.admin.get('/api/v1/workflow-rules')).body.items).toEqual([]);
    expect((await other.admin.get(`/api/v1/workflow-rules/${theirs.rule}`)).status).toBe(404);
    expect((await other.admin.get('/api/v1/webhooks')).body.items).toEqual([]);
    expect((await other.admin.get('/api/v1/engagement-plans')).body.items).toEqual([]);
    expect((await other.admin.get('/api/v1/deliveries')).body.items).toEqual([]);
    expect((await other.admin.get('/api/v1/notifications')).body.items).toEqual([]);
    expect(
      (await other.admin.get(`/api/v1/plan-enrollments?recordType=contact&recordId=${theirs.contact}`)).body
        .items,
    ).toEqual([]);
  });

  it('cannot be changed, used or set off', async ({ org: owner, other, theirs }) => {
    const refused = [
      await other.admin.patch(`/api/v1/workflow-rules/${theirs.rule}`, { version: 1, enabled: false }),
      await other.admin.delete(`/api/v1/workflow-rules/${theirs.rule}`),
      await other.admin.patch(`/api/v1/webhooks/${theirs.webhook}`, { version: 1, active: false }),
      await other.admin.post(`/api/v1/webhooks/${theirs.webhook}/rotate-secret`),
      await other.admin.delete(`/api/v1/engagement-plans/${theirs.plan}`),
      await other.admin.post(`/api/v1/plan-enrollments/${theirs.enrollment}/stop`),
      await other.admin.post(`/api/v1/deliveries/${theirs.delivery}/retry`),
      await other.admin.post(`/api/v1/notifications/${theirs.notification}/read`),
      await other.admin.post(`/api/v1/engagement-plans/${theirs.plan}/enrollments`, {
        recordType: 'contact',
        recordId: theirs.contact,
      }),
    ];
    expect(refused.map((reply) => reply.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404]);
    const borrowed = await other.admin.post('/api/v1/workflow-rules', {
      name: 'Their webhook',
      recordType: 'account',
      trigger: { type: 'record_created' },
      actions: [{ type: 'call_webhook', webhookId: theirs.webhook }],
    });
    expect(borrowed.status).toBe(422);

    const ownView = await owner.admin.get(`/api/v1/workflow-rules/${theirs.rule}`);
    expect(ownView.body).toMatchObject({ enabled: true, version: 1 });
    expect((await owner.admin.get('/api/v1/notifications/unread-count')).body.unread).toBe(1);
    const runs = (
      await owner.admin.get(`/api/v1/plan-enrollments?recordType=contact&recordId=${theirs.contact}`)
    ).body.items;
    expect(runs[0].status).toBe('active');
  });
});
