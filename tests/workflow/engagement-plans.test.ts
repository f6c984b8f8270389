import type { PlanEnrollment, Task } from '@inbox-crm/shared';
import { createContact, createOpportunity, emailToFile, fileEmail } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import type { TestOrganisation } from '../support/organisation.js';
import { describe, expect, test } from '../support/suite.js';
import { DAY_MS, MINUTE_MS } from '../support/time.js';

test.override('appOptions', { isolated: true });

const it = test.extend('planId', async ({ org }) => {
  const plan = await org.admin.post('/api/v1/engagement-plans', {
    name: 'Proposal follow-up',
    recordType: 'opportunity',
    steps: [
      { day: 0, type: 'email', title: 'Send the intro email' },
      { day: 3, type: 'call', title: 'Call about the proposal' },
      { day: 7, type: 'email', title: 'Follow-up email' },
    ],
  });
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  return plan.body.id as string;
});

async function dealWithContact(org: TestOrganisation, rep: { client: Client; user: { id: string } }) {
  const contact = await createContact(rep.client, {
    firstName: 'Priya',
    lastName: 'Raman',
    emails: [`priya@${org.domain.replace('.test', '-customer.example')}`],
  });
  const deal = await createOpportunity(rep.client, {
    name: 'Fleet renewal',
    contactId: contact.id,
    ownerId: rep.user.id,
  });
  return { contact, deal };
}

const progress = async (client: Client, dealId: string) =>
  (
    (await client.get(`/api/v1/plan-enrollments?recordType=opportunity&recordId=${dealId}`)).body
      .items as PlanEnrollment[]
  )[0]!;
const taskTitlesOf = async (client: Client) =>
  ((await client.get('/api/v1/tasks/mine')).body.items as Task[]).map((task) => task.title);

describe('engagement plans', () => {
  it('when started by hand, then each step becomes a task on its day, and the record shows the progress', async ({
    org,
    rep,
    scheduler,
    planId,
  }) => {
    const { deal } = await dealWithContact(org, rep);
    const started = await rep.client.post(`/api/v1/engagement-plans/${planId}/enrollments`, {
      recordType: 'opportunity',
      recordId: deal.id,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.steps.map((step: { state: string }) => step.state)).toEqual([
      'scheduled',
      'scheduled',
      'scheduled',
    ]);

    await scheduler.worker.drain();
    expect(await taskTitlesOf(rep.client)).toEqual(['Email: Send the intro email']);
    scheduler.clock.advance(3 * DAY_MS + MINUTE_MS);
    await scheduler.worker.drain();
    expect(await taskTitlesOf(rep.client)).toContain('Call: Call about the proposal');

    const run = await progress(rep.client, deal.id);
    expect(run).toMatchObject({ planName: 'Proposal follow-up', status: 'active', stepsDone: 2 });
    expect(run.steps.map((step) => [step.day, step.state, step.taskId !== null])).toEqual([
      [0, 'done', true],
      [3, 'done', true],
      [7, 'scheduled', false],
    ]);

    scheduler.clock.advance(4 * DAY_MS);
    await scheduler.worker.drain();
    expect(await progress(rep.client, deal.id)).toMatchObject({
      status: 'completed',
      stepsDone: 3,
      endedAt: expect.any(String),
    });
    const notices = (await rep.client.get('/api/v1/notifications')).body.items as { kind: string }[];
    expect(notices.filter((notice) => notice.kind === 'plan_step')).toHaveLength(3);
  });

  it('when the contact replies, then the plan stops and its later steps never come; an old email stops nothing', async ({
    org,
    rep,
    scheduler,
    planId,
  }) => {
    const { contact, deal } = await dealWithContact(org, rep);
    await rep.client.post(`/api/v1/engagement-plans/${planId}/enrollments`, {
      recordType: 'opportunity',
      recordId: deal.id,
    });
    await scheduler.worker.drain();

    const from = { email: contact.emails[0]!, name: 'Priya Raman' };
    await fileEmail(
      rep.client,
      emailToFile({ from, sentAt: '2024-01-05T10:00:00.000Z', links: [{ type: 'contact', id: contact.id }] }),
    );
    expect((await progress(rep.client, deal.id)).status).toBe('active');
    const replyAt = new Date(scheduler.clock.now().getTime() + MINUTE_MS).toISOString();
    await fileEmail(
      rep.client,
      emailToFile({ from, sentAt: replyAt, links: [{ type: 'contact', id: contact.id }] }),
    );
    expect(await progress(rep.client, deal.id)).toMatchObject({ status: 'stopped', stopReason: 'replied' });

    scheduler.clock.advance(8 * DAY_MS);
    await scheduler.worker.drain();
    expect(await taskTitlesOf(rep.client)).toEqual(['Email: Send the intro email']);
    expect((await progress(rep.client, deal.id)).steps.map((step) => step.state)).toEqual([
      'done',
      'cancelled',
      'cancelled',
    ]);
  });

  it('when the opportunity closes, then its plan stops', async ({ org, rep, scheduler, planId }) => {
    const { deal } = await dealWithContact(org, rep);
    await rep.client.post(`/api/v1/engagement-plans/${planId}/enrollments`, {
      recordType: 'opportunity',
      recordId: deal.id,
    });
    const stages = (await rep.client.get('/api/v1/pipeline-stages')).body.items as {
      id: string;
      kind: string;
    }[];
    const won = stages.find((stage) => stage.kind === 'won')!;
    expect(
      (await rep.client.patch(`/api/v1/opportunities/${deal.id}`, { version: deal.version, stageId: won.id }))
        .status,
    ).toBe(200);
    expect(await progress(rep.client, deal.id)).toMatchObject({ status: 'stopped', stopReason: 'closed' });
    await scheduler.worker.drain();
    expect(await taskTitlesOf(rep.client)).toEqual([]);
  });

  it('refuses a second run of the same plan, a closed deal and the wrong kind of record; members use plans but do not edit them', async ({
    org,
    rep,
    planId,
  }) => {
    const { contact, deal } = await dealWithContact(org, rep);
    const start = (recordType: string, recordId: string) =>
      rep.client.post(`/api/v1/engagement-plans/${planId}/enrollments`, { recordType, recordId });
    expect((await start('opportunity', deal.id)).status).toBe(201);
    expect((await start('opportunity', deal.id)).status).toBe(409);
    expect((await start('contact', contact.id)).body.error).toBe('wrong_record_type');
    const lost = (await rep.client.get('/api/v1/pipeline-stages')).body.items.find(
      (stage: { kind: string }) => stage.kind === 'lost',
    );
    const closed = await createOpportunity(rep.client, { name: 'Lost deal', stageId: lost.id });
    expect((await start('opportunity', closed.id)).body.error).toBe('record_closed');
    expect(
      (
        await rep.client.post('/api/v1/engagement-plans', {
          name: 'Mine',
          recordType: 'contact',
          steps: [{ day: 0, type: 'call', title: 'x' }],
        })
      ).status,
    ).toBe(403);

    const run = await progress(rep.client, deal.id);
    const stopped = await rep.client.post(`/api/v1/plan-enrollments/${run.id}/stop`);
    expect(stopped.body).toMatchObject({ status: 'stopped', stopReason: 'stopped_by_user' });
  });
});
