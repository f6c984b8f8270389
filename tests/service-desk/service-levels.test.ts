import type { Case, CaseSla, SlaPolicy, SlaPolicyCreate, SlaTarget } from '@inbox-crm/shared';
import type { Client } from '../support/http.js';
import { describe, expect, it, test } from '../support/suite.js';

// The watch is a worker loop on the app's clock, which the tests move: a database of the file's own.
test.override('appOptions', { isolated: true });

const target = (firstResponseMinutes: number | null, resolutionMinutes: number | null): SlaTarget => ({
  firstResponseMinutes,
  resolutionMinutes,
});

const aroundTheClock = {
  timeZone: 'UTC',
  periods: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
};

const policyBody = (overrides: Partial<SlaPolicyCreate> = {}): SlaPolicyCreate => ({
  name: 'Standard',
  calendar: aroundTheClock,
  targets: {
    low: target(null, null),
    normal: target(60, 240),
    high: target(30, 120),
    urgent: target(15, 60),
  },
  accountIds: [],
  warnMinutes: 15,
  ...overrides,
});

async function slaOf(client: Client, caseId: string): Promise<CaseSla> {
  const reply = await client.get(`/api/v1/case-sla?ids=${caseId}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return (reply.body as { items: CaseSla[] }).items[0]!;
}

const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

describe('service levels', () => {
  it('when an admin sets policies, then calendars, defaults and accounts are checked, and everyone may read them', async ({
    org,
    rep,
  }) => {
    const created = await org.admin.post('/api/v1/sla-policies', policyBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const account = (await org.admin.post('/api/v1/accounts', { name: 'Key Co' })).body as { id: string };
    const refusals: [Partial<SlaPolicyCreate>, number, string][] = [
      [{ name: 'Mars', calendar: { ...aroundTheClock, timeZone: 'Mars/Olympus' } }, 400, 'validation_failed'],
      [
        {
          name: 'Backwards',
          calendar: { ...aroundTheClock, periods: [{ day: 1, start: '17:00', end: '09:00' }] },
        },
        400,
        'validation_failed',
      ],
      [{ name: 'Second default' }, 422, 'invalid_value'],
      [{ name: 'Nobody', accountIds: ['00000000-0000-4000-8000-000000000000'] }, 422, 'invalid_reference'],
    ];
    for (const [overrides, status, error] of refusals) {
      const reply = await org.admin.post('/api/v1/sla-policies', policyBody(overrides));
      expect(reply.status, JSON.stringify(overrides)).toBe(status);
      expect(reply.body.error).toBe(error);
    }
    const keyAccounts = await org.admin.post(
      '/api/v1/sla-policies',
      policyBody({ name: 'Key', accountIds: [account.id] }),
    );
    expect(keyAccounts.status).toBe(201);
    const twice = await org.admin.post(
      '/api/v1/sla-policies',
      policyBody({ name: 'Key again', accountIds: [account.id] }),
    );
    expect(twice.status).toBe(422);
    expect(twice.body.message).toMatch(/has a policy already: Key/);

    expect((await rep.client.post('/api/v1/sla-policies', policyBody({ name: 'Mine' }))).status).toBe(403);
    const read = (await rep.client.get('/api/v1/sla-policies')).body.items as SlaPolicy[];
    expect(read.map((policy) => policy.name)).toEqual(['Key', 'Standard']);
  });

  it('when a case waits on the customer, then its clocks pause and the wait moves its deadlines; a priority without targets has no clocks', async ({
    testApp,
    org,
  }) => {
    await org.admin.post('/api/v1/sla-policies', policyBody());
    const opened = (await org.admin.post('/api/v1/cases', { subject: 'Broken', priority: 'normal' }))
      .body as Case;
    testApp.clock.set(minutesAfter(opened.createdAt, 10));
    const running = await slaOf(org.admin, opened.id);
    expect(running.policy?.name).toBe('Standard');
    expect(running.clocks).toEqual([
      {
        kind: 'first_response',
        state: 'running',
        dueAt: minutesAfter(opened.createdAt, 60).toISOString(),
        stoppedAt: null,
      },
      {
        kind: 'resolution',
        state: 'running',
        dueAt: minutesAfter(opened.createdAt, 240).toISOString(),
        stoppedAt: null,
      },
    ]);

    const pending = await org.admin.patch(`/api/v1/cases/${opened.id}`, {
      version: opened.version,
      status: 'pending',
    });
    expect((await slaOf(org.admin, opened.id)).clocks.map((clock) => clock.state)).toEqual([
      'paused',
      'paused',
    ]);
    // Back after the customer's answer: the wait (by the database's clock) is added to the deadline.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await org.admin.patch(`/api/v1/cases/${opened.id}`, { version: pending.body.version, status: 'open' });
    const resumed = (await slaOf(org.admin, opened.id)).clocks[0]!;
    expect(resumed.state).toBe('running');
    expect(Date.parse(resumed.dueAt!) - minutesAfter(opened.createdAt, 60).getTime()).toBeGreaterThanOrEqual(
      1_000,
    );

    // A low-priority case has no targets; a case of no policy has no clocks.
    const low = (await org.admin.post('/api/v1/cases', { subject: 'Whenever', priority: 'low' }))
      .body as Case;
    expect((await slaOf(org.admin, low.id)).clocks).toEqual([]);
  });

  it('when a deadline nears and passes, then the watch warns and breaches once each, and rules raise the priority and hand the case to the manager', async ({
    testApp,
    org,
    scheduler,
  }) => {
    const { user: boss } = await org.addUser('manager', { name: 'Bo Boss' });
    const { user: agent } = await org.addUser('member', { name: 'Al Agent' });
    await org.admin.patch(`/api/v1/users/${agent.id}`, { version: agent.version, managerId: boss.id });
    // First answers only: an escalated case's new, shorter deadline is not another breach.
    const firstAnswers = {
      low: target(null, null),
      normal: target(60, null),
      high: target(30, null),
      urgent: target(15, null),
    };
    await org.admin.post('/api/v1/sla-policies', policyBody({ targets: firstAnswers }));
    const breachRule = await org.admin.post('/api/v1/workflow-rules', {
      name: 'Escalate missed deadlines',
      recordType: 'case',
      trigger: { type: 'sla_breached' },
      actions: [{ type: 'update_case', priority: 'urgent', assignTo: { type: 'owner_manager' } }],
    });
    expect(breachRule.status, JSON.stringify(breachRule.body)).toBe(201);
    const warnRule = await org.admin.post('/api/v1/workflow-rules', {
      name: 'Warn the owner',
      recordType: 'case',
      trigger: { type: 'sla_warning' },
      actions: [
        {
          type: 'send_reminder',
          to: { type: 'owner' },
          after: { amount: 0, unit: 'minutes' },
          message: 'A deadline is near',
          email: false,
        },
      ],
    });
    expect(warnRule.status, JSON.stringify(warnRule.body)).toBe(201);
    const opened = (await org.admin.post('/api/v1/cases', { subject: 'Down', ownerId: agent.id }))
      .body as Case;
    const alerts = () =>
      testApp.database
        .knex('case_sla_alerts')
        .where({ case_id: opened.id })
        .orderBy(['clock', 'level'])
        .select('clock', 'level');

    testApp.clock.set(minutesAfter(opened.createdAt, 30));
    await scheduler.worker.drain();
    expect(await alerts()).toEqual([]);

    testApp.clock.set(minutesAfter(opened.createdAt, 50));
    await scheduler.worker.drain();
    expect(await alerts()).toEqual([{ clock: 'first_response', level: 'warning' }]);
    const reminders = await testApp.database
      .knex('notifications')
      .where({ org_id: org.orgId, user_id: agent.id })
      .select('title', 'body');
    expect(JSON.stringify(reminders)).toContain('A deadline is near');

    testApp.clock.set(minutesAfter(opened.createdAt, 61));
    await scheduler.worker.drain();
    expect(await alerts()).toEqual([
      { clock: 'first_response', level: 'breach' },
      { clock: 'first_response', level: 'warning' },
    ]);
    const escalated = (await org.admin.get(`/api/v1/cases/${opened.id}`)).body as Case;
    expect(escalated).toMatchObject({ priority: 'urgent', ownerId: boss.id });

    // Once each: looking again raises nothing new for that deadline.
    testApp.clock.set(minutesAfter(opened.createdAt, 62));
    await scheduler.worker.drain();
    expect(await alerts()).toHaveLength(2);
  });

  it('when a case comes in on Friday afternoon under an office calendar, then its clock runs over the weekend and a holiday only in working hours', async ({
    testApp,
    org,
    scheduler,
  }) => {
    const office = {
      timeZone: 'Europe/Berlin',
      periods: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
      holidays: ['2026-12-25'],
    };
    await org.admin.post(
      '/api/v1/sla-policies',
      policyBody({ calendar: office, targets: { ...policyBody().targets, normal: target(240, null) } }),
    );
    const friday = (await org.admin.post('/api/v1/cases', { subject: 'Friday' })).body as Case;
    const christmasEve = (await org.admin.post('/api/v1/cases', { subject: 'Christmas Eve' })).body as Case;
    // The cases came in at these times: Friday 4 Dec 16:00 and Thursday 24 Dec 16:30 in Berlin.
    const knex = testApp.database.knex;
    await knex('cases')
      .where({ id: friday.id })
      .update({ created_at: new Date('2026-12-04T15:00:00Z') });
    await knex('cases')
      .where({ id: christmasEve.id })
      .update({ created_at: new Date('2026-12-24T15:30:00Z') });

    testApp.clock.set(new Date('2026-12-07T09:30:00Z')); // Monday 10:30 in Berlin
    expect((await slaOf(org.admin, friday.id)).clocks[0]).toMatchObject({
      state: 'running',
      dueAt: '2026-12-07T11:00:00.000Z', // one hour on Friday, three on Monday: 12:00 in Berlin
    });
    await scheduler.worker.drain();
    expect(await knex('case_sla_alerts').where({ case_id: friday.id, level: 'breach' })).toHaveLength(0);
    testApp.clock.set(new Date('2026-12-07T11:05:00Z'));
    await scheduler.worker.drain();
    expect(await knex('case_sla_alerts').where({ case_id: friday.id, level: 'breach' })).toHaveLength(1);

    // Half an hour on the 24th, none on Christmas Day or the weekend, three and a half on Monday 28th.
    expect((await slaOf(org.admin, christmasEve.id)).clocks[0]!.dueAt).toBe('2026-12-28T11:30:00.000Z');
  });
});
