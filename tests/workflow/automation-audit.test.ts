import type { AuditEntry, Task } from '@inbox-crm/shared';
import { createContact, createOpportunity, emailToFile, fileEmail } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { describe, expect, it, test } from '../support/suite.js';

test.override('appOptions', { isolated: true });

const auditOf = async (admin: Client, entityType: string, entityId: string) =>
  (await admin.get(`/api/v1/audit-log?entityType=${entityType}&entityId=${entityId}`)).body
    .items as AuditEntry[];
const tasksOf = async (client: Client) => (await client.get('/api/v1/tasks/mine')).body.items as Task[];

describe('writes made by automation are audited with their actor', () => {
  it('when a rule makes a task and starts a plan, then the audit log names the rule', async ({
    org,
    rep,
    scheduler,
  }) => {
    const plan = await org.admin.post('/api/v1/engagement-plans', {
      name: 'Welcome',
      recordType: 'contact',
      steps: [{ day: 5, type: 'call', title: 'Say hello' }],
    });
    const rule = await org.admin.post('/api/v1/workflow-rules', {
      name: 'New contacts get a call and a plan',
      recordType: 'contact',
      trigger: { type: 'record_created' },
      actions: [
        {
          type: 'create_task',
          title: 'First call',
          assignTo: { type: 'owner' },
          dueIn: { amount: 1, unit: 'days' },
        },
        { type: 'start_plan', planId: plan.body.id },
      ],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const contact = await createContact(rep.client, { lastName: 'Newcomer', ownerId: rep.user.id });
    await scheduler.worker.drain();

    const task = (await tasksOf(rep.client)).find((candidate) => candidate.title === 'First call')!;
    expect(await auditOf(org.admin, 'task', task.id)).toEqual([
      expect.objectContaining({ action: 'create', actorId: null, actor: { type: 'rule', id: rule.body.id } }),
    ]);
    const enrollment = (
      await rep.client.get(`/api/v1/plan-enrollments?recordType=contact&recordId=${contact.id}`)
    ).body.items[0];
    expect(await auditOf(org.admin, 'plan_enrollment', enrollment.id)).toEqual([
      expect.objectContaining({ action: 'start', actor: { type: 'rule', id: rule.body.id } }),
    ]);
  });

  it('when a plan step makes a task and a reply stops the plan, then the log names the plan, then the person who filed the reply', async ({
    org,
    rep,
    scheduler,
  }) => {
    const plan = await org.admin.post('/api/v1/engagement-plans', {
      name: 'Proposal follow-up',
      recordType: 'opportunity',
      steps: [
        { day: 0, type: 'email', title: 'Send the proposal' },
        { day: 3, type: 'call', title: 'Call about it' },
      ],
    });
    const address = `buyer@${org.domain.replace('.test', '-customer.example')}`;
    const contact = await createContact(rep.client, { lastName: 'Buyer', emails: [address] });
    const deal = await createOpportunity(rep.client, {
      name: 'Deal',
      contactId: contact.id,
      ownerId: rep.user.id,
    });
    const started = await rep.client.post(`/api/v1/engagement-plans/${plan.body.id}/enrollments`, {
      recordType: 'opportunity',
      recordId: deal.id,
    });
    await scheduler.worker.drain();

    const task = (await tasksOf(rep.client)).find(
      (candidate) => candidate.title === 'Email: Send the proposal',
    )!;
    expect(await auditOf(org.admin, 'task', task.id)).toEqual([
      expect.objectContaining({ action: 'create', actorId: null, actor: { type: 'plan', id: plan.body.id } }),
    ]);
    await fileEmail(
      rep.client,
      emailToFile({
        from: { email: address, name: 'Buyer' },
        sentAt: new Date(scheduler.clock.now().getTime() + 60_000).toISOString(),
        links: [{ type: 'opportunity', id: deal.id }],
      }),
    );
    const trail = await auditOf(org.admin, 'plan_enrollment', started.body.id);
    expect(trail.map((entry) => [entry.action, entry.actor.type])).toEqual([
      ['stop', 'user'],
      ['update', 'plan'],
      ['start', 'user'],
    ]);
    expect(trail[0]).toMatchObject({ actorId: rep.user.id, after: { reason: 'replied' } });
  });
});
