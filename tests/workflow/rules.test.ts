import { verifyWebhookSignature } from '@inbox-crm/server';
import type { Task, User } from '@inbox-crm/shared';
import { createContact, createOpportunity, emailToFile, fileEmail } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { describe, expect, it, test } from '../support/suite.js';
import { HOUR_MS, MINUTE_MS } from '../support/time.js';

// Each test has an organisation of its own, so one test's rules never fire on another's records.
test.override('appOptions', { isolated: true });

// In every test the rep reports to the manager.
test.beforeEach(async ({ org, manager, rep }) => {
  await org.admin.patch(`/api/v1/users/${rep.user.id}`, {
    version: rep.user.version,
    managerId: manager.user.id,
  });
});

async function addRule(admin: Client, body: object) {
  const reply = await admin.post('/api/v1/workflow-rules', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; version: number };
}

const tasksOf = async (client: Client) => (await client.get('/api/v1/tasks/mine')).body.items as Task[];

describe('triggers', () => {
  it('when an urgent case is created, then its owner gets a task due in two hours; a normal case gets none', async ({
    org,
    rep,
    scheduler,
  }) => {
    await addRule(org.admin, {
      name: 'Urgent cases get a call-back',
      recordType: 'case',
      trigger: { type: 'record_created' },
      conditions: [{ field: 'priority', operator: 'equals', value: 'urgent' }],
      actions: [
        {
          type: 'create_task',
          title: 'Call the customer back',
          assignTo: { type: 'owner' },
          dueIn: { amount: 2, unit: 'hours' },
          priority: 'high',
        },
      ],
    });
    const urgent = await rep.client.post('/api/v1/cases', {
      subject: 'Line down',
      status: 'new',
      priority: 'urgent',
      ownerId: rep.user.id,
    });
    await rep.client.post('/api/v1/cases', {
      subject: 'Typo on invoice',
      status: 'new',
      priority: 'normal',
      ownerId: rep.user.id,
    });
    await scheduler.worker.drain();

    const tasks = await tasksOf(rep.client);
    expect(tasks).toEqual([
      expect.objectContaining({ title: 'Call the customer back', caseId: urgent.body.id, priority: 'high' }),
    ]);
    const dueIn = new Date(tasks[0]!.dueAt!).getTime() - scheduler.clock.now().getTime();
    expect(dueIn).toBe(2 * HOUR_MS);
    const notices = (await rep.client.get('/api/v1/notifications')).body.items;
    expect(notices).toEqual([expect.objectContaining({ kind: 'task_assigned', taskId: tasks[0]!.id })]);
  });

  it('when a field changes to any value, then the rule fires once per change and not on other edits', async ({
    org,
    manager,
    rep,
    scheduler,
  }) => {
    await addRule(org.admin, {
      name: 'Big deals change hands',
      recordType: 'opportunity',
      trigger: { type: 'field_changed', field: 'ownerId' },
      conditions: [{ field: 'amountMinor', operator: 'greater_than', value: 1_000_000 }],
      actions: [
        {
          type: 'create_task',
          title: 'Hand-over call',
          assignTo: { type: 'user', userId: manager.user.id },
          dueIn: { amount: 1, unit: 'days' },
        },
      ],
    });
    const small = await createOpportunity(org.admin, { name: 'Small', amountMinor: 10_000, currency: 'EUR' });
    const big = await createOpportunity(org.admin, { name: 'Big', amountMinor: 5_000_000, currency: 'EUR' });
    await org.admin.patch(`/api/v1/opportunities/${small.id}`, {
      version: small.version,
      ownerId: rep.user.id,
    });
    const renamed = await org.admin.patch(`/api/v1/opportunities/${big.id}`, {
      version: big.version,
      name: 'Big deal',
    });
    await org.admin.patch(`/api/v1/opportunities/${big.id}`, {
      version: renamed.body.version,
      ownerId: rep.user.id,
    });
    await scheduler.worker.drain();

    expect(await tasksOf(manager.client)).toEqual([
      expect.objectContaining({ title: 'Hand-over call', opportunityId: big.id }),
    ]);
  });

  it('when an email is filed to an opportunity, then the webhook receives it, signed over the timestamp and body', async ({
    org,
    manager,
    rep,
    scheduler,
    sink,
  }) => {
    const webhook = await org.admin.post('/api/v1/webhooks', { name: 'Deal desk', url: sink.url });
    expect(webhook.status).toBe(201);
    await addRule(org.admin, {
      name: 'Tell the deal desk about customer mail',
      recordType: 'opportunity',
      trigger: { type: 'email_filed' },
      actions: [{ type: 'call_webhook', webhookId: webhook.body.id }],
    });
    const deal = await createOpportunity(rep.client, { name: 'Fleet renewal' });
    const before = sink.received.length;
    const email = await fileEmail(
      rep.client,
      emailToFile({ subject: 'Signed order form', links: [{ type: 'opportunity', id: deal.id }] }),
    );
    await fileEmail(
      manager.client,
      emailToFile({
        messageId: email.body.messageId!,
        subject: 'Signed order form',
        links: [{ type: 'opportunity', id: deal.id }],
      }),
    );
    await scheduler.worker.drain();

    const calls = sink.received.slice(before);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    const body = JSON.parse(call!.body) as {
      id: string;
      event: string;
      data: { recordId: string; email: { subject: string } };
    };
    expect(body).toMatchObject({
      event: 'workflow.email_filed',
      data: { recordId: deal.id, email: { subject: 'Signed order form' } },
    });
    expect(call!.headers['x-inboxcrm-delivery']).toBe(body.id);
    const timestamp = Number(call!.headers['x-inboxcrm-timestamp']);
    expect(
      verifyWebhookSignature(
        webhook.body.secret,
        timestamp,
        call!.body,
        String(call!.headers['x-inboxcrm-signature']),
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        'whsec_wrong',
        timestamp,
        call!.body,
        String(call!.headers['x-inboxcrm-signature']),
      ),
    ).toBe(false);
  });

  it("when a task goes overdue while open, then the assignee's manager gets a task; a task done in time sets off nothing", async ({
    org,
    manager,
    rep,
    scheduler,
  }) => {
    await addRule(org.admin, {
      name: 'Escalate overdue tasks',
      recordType: 'task',
      trigger: { type: 'task_overdue' },
      conditions: [{ field: 'priority', operator: 'in', value: ['high'] }],
      actions: [
        {
          type: 'create_task',
          title: 'Chase an overdue task',
          assignTo: { type: 'owner_manager' },
          dueIn: { amount: 4, unit: 'hours' },
        },
      ],
    });
    const due = new Date(scheduler.clock.now().getTime() + HOUR_MS).toISOString();
    const late = await rep.client.post('/api/v1/tasks', {
      title: 'Send the quote',
      dueAt: due,
      priority: 'high',
    });
    const onTime = await rep.client.post('/api/v1/tasks', {
      title: 'Book the demo',
      dueAt: due,
      priority: 'high',
    });
    expect((await rep.client.post(`/api/v1/tasks/${onTime.body.id}/complete`)).status).toBe(200);

    await scheduler.worker.drain();
    expect(await tasksOf(manager.client)).toEqual([]);
    scheduler.clock.advance(HOUR_MS + MINUTE_MS);
    await scheduler.worker.drain();
    expect(await tasksOf(manager.client)).toEqual([
      expect.objectContaining({ title: 'Chase an overdue task' }),
    ]);
    scheduler.clock.advance(HOUR_MS);
    await rep.client.patch(`/api/v1/tasks/${late.body.id}`, {
      version: late.body.version,
      notes: 'still on it',
    });
    await scheduler.worker.drain();
    expect(await tasksOf(manager.client)).toHaveLength(1);
  });

  it("when the owner's manager has left, then the rule's task is made unassigned rather than lost", async ({
    org,
    manager,
    rep,
    scheduler,
  }) => {
    await addRule(org.admin, {
      name: 'Managers look at new cases',
      recordType: 'case',
      trigger: { type: 'record_created' },
      actions: [
        {
          type: 'create_task',
          title: 'Review the new case',
          assignTo: { type: 'owner_manager' },
          dueIn: { amount: 1, unit: 'days' },
        },
      ],
    });
    const current = (await org.admin.get(`/api/v1/users/${manager.user.id}`)).body as User;
    expect(
      (await org.admin.patch(`/api/v1/users/${manager.user.id}`, { version: current.version, active: false }))
        .status,
    ).toBe(200);
    const created = await rep.client.post('/api/v1/cases', {
      subject: 'Slow exports',
      status: 'new',
      priority: 'normal',
      ownerId: rep.user.id,
    });
    await scheduler.worker.drain();

    const tasks = (await org.admin.get(`/api/v1/tasks?caseId=${created.body.id}`)).body.items as Task[];
    expect(tasks).toEqual([expect.objectContaining({ title: 'Review the new case', assigneeId: null })]);
  });

  it('when a contact is created, then a rule starts an engagement plan for it', async ({
    org,
    rep,
    scheduler,
  }) => {
    const plan = await org.admin.post('/api/v1/engagement-plans', {
      name: 'New contact welcome',
      recordType: 'contact',
      steps: [
        { day: 0, type: 'email', title: 'Send the intro email' },
        { day: 3, type: 'call', title: 'Intro call' },
      ],
    });
    await addRule(org.admin, {
      name: 'Welcome every new contact',
      recordType: 'contact',
      trigger: { type: 'record_created' },
      actions: [{ type: 'start_plan', planId: plan.body.id }],
    });
    const contact = await createContact(rep.client, {
      firstName: 'Jane',
      lastName: 'Doe',
      emails: ['jane@welcome.example'],
      ownerId: rep.user.id,
    });
    await scheduler.worker.drain();

    const runs = (await rep.client.get(`/api/v1/plan-enrollments?recordType=contact&recordId=${contact.id}`))
      .body.items;
    expect(runs).toEqual([
      expect.objectContaining({ planName: 'New contact welcome', status: 'active', stepsDone: 1 }),
    ]);
    expect(await tasksOf(rep.client)).toEqual([
      expect.objectContaining({ title: 'Email: Send the intro email', contactId: contact.id }),
    ]);
  });

  it('when a rule is switched off, then it fires no more', async ({ org, rep, scheduler }) => {
    const rule = await addRule(org.admin, {
      name: 'Every new account',
      recordType: 'account',
      trigger: { type: 'record_created' },
      actions: [
        {
          type: 'create_task',
          title: 'Research the company',
          assignTo: { type: 'owner' },
          dueIn: { amount: 1, unit: 'days' },
        },
      ],
    });
    expect(
      (await org.admin.patch(`/api/v1/workflow-rules/${rule.id}`, { version: rule.version, enabled: false }))
        .status,
    ).toBe(200);
    await rep.client.post('/api/v1/accounts', { name: 'Quiet Ltd', ownerId: rep.user.id });
    await scheduler.worker.drain();
    expect(await tasksOf(rep.client)).toEqual([]);
  });
});
