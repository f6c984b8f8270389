import { openedDaysOf, type CaseAgeBucket } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import {
  createAccount,
  createContact,
  createOpportunity,
  emailToFile,
  fileEmail,
} from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { createTestOrganisation } from '../support/organisation.js';
import { listedNames, patchRecord, reportOf, setStatusStays, stagesByName } from '../support/reports.js';
import { describe, expect, it } from '../support/suite.js';

// Each report's numbers against a small data set whose right answers are worked out by hand.

async function logActivity(client: Client, body: object): Promise<string> {
  const reply = await client.post('/api/v1/activities', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

/** Files an email and sets when it was filed, as if filed then. */
async function fileEmailAt(
  knex: Knex,
  orgId: string,
  client: Client,
  filedAt: string,
  body: Parameters<typeof emailToFile>[0],
) {
  const { body: email } = await fileEmail(client, emailToFile(body));
  await knex('email_messages').where({ org_id: orgId, activity_id: email.id }).update({ filed_at: filedAt });
  return email;
}

describe('the activity report', () => {
  it('when people file emails and log calls, meetings and notes, then each week counts them per person, by filing time for emails, and not what is deleted', async ({
    org,
    testApp,
  }) => {
    const knex = testApp.database.knex;
    const team = (await org.admin.post('/api/v1/teams', { name: 'Field' })).body as { id: string };
    const { client: rep, user: repUser } = await org.addUser('member', { teamId: team.id, name: 'Rita Rep' });
    const { client: manager } = await org.addUser('manager', { teamId: team.id, name: 'Max Manager' });
    const { client: outsider } = await org.addUser('member', { name: 'Otto Outsider' });
    const account = await createAccount(org.admin, { name: 'Busy GmbH' });
    const links = [{ type: 'account' as const, id: account.id }];
    // Monday 2 March 2026 and Monday 9 March 2026 begin the two weeks.
    await fileEmailAt(knex, org.orgId, rep, '2026-03-02T08:00:00Z', { links });
    await fileEmailAt(knex, org.orgId, rep, '2026-03-08T22:00:00Z', { links, private: true });
    await logActivity(rep, { type: 'call', subject: 'Call', occurredAt: '2026-03-03T10:00:00Z', links });
    await logActivity(rep, {
      type: 'note',
      subject: 'Note',
      occurredAt: '2026-03-10T10:00:00Z',
      links,
      private: true,
    });
    const gone = await logActivity(rep, {
      type: 'meeting',
      subject: 'Gone',
      occurredAt: '2026-03-10T10:00:00Z',
      links,
    });
    expect((await rep.delete(`/api/v1/activities/${gone}`)).status).toBe(200);
    await logActivity(manager, {
      type: 'meeting',
      subject: 'Visit',
      occurredAt: '2026-03-11T10:00:00Z',
      links,
    });
    await logActivity(outsider, {
      type: 'call',
      subject: 'Elsewhere',
      occurredAt: '2026-03-04T10:00:00Z',
      links,
    });

    const period = { from: '2026-03-02', to: '2026-03-15', timeZone: 'UTC' };
    const teamReport = await reportOf(manager, 'activity', period);
    expect(teamReport.weeks).toEqual(['2026-03-02', '2026-03-09']);
    expect(teamReport.range.people).toBe('team');
    expect(
      teamReport.people.map((person) => [
        person.person.name,
        person.weeks.map(({ week: _week, ...counts }) => counts),
      ]),
    ).toEqual([
      [
        'Max Manager',
        [
          { emails: 0, calls: 0, meetings: 0, notes: 0 },
          { emails: 0, calls: 0, meetings: 1, notes: 0 },
        ],
      ],
      [
        'Rita Rep',
        [
          { emails: 2, calls: 1, meetings: 0, notes: 0 },
          { emails: 0, calls: 0, meetings: 0, notes: 1 },
        ],
      ],
    ]);
    expect(teamReport.people[1]!.totals).toEqual({ emails: 2, calls: 1, meetings: 0, notes: 1 });

    // Each kind's bar of a week opens exactly what it counted, for the team as the manager sees it.
    const bar = (type: string, atFrom: string, atTo: string, timeZone = 'UTC') =>
      listedNames(manager, 'activities', { owner: 'team', type, atFrom, atTo, timeZone });
    expect(await bar('email', '2026-03-02', '2026-03-08')).toHaveLength(2);
    expect(await bar('call', '2026-03-02', '2026-03-08')).toEqual(['Call']);
    expect(await bar('note', '2026-03-09', '2026-03-15')).toEqual(['Note']);
    expect(await bar('meeting', '2026-03-09', '2026-03-15')).toEqual(['Visit']);
    expect(await bar('email', '2026-03-09', '2026-03-15', 'Asia/Tokyo')).toHaveLength(1);
    expect(await listedNames(org.admin, 'activities', { accountId: account.id, type: 'meeting' })).toEqual([
      'Visit',
    ]);
    // Someone outside the team lists no note: the only one is the rep's, and private.
    expect(await listedNames(outsider, 'activities', { type: 'note' })).toEqual([]);

    // In Tokyo the Sunday-evening filing (22:00 UTC) is already Monday of the next week.
    const tokyo = await reportOf(rep, 'activity', { ...period, timeZone: 'Asia/Tokyo' });
    expect(tokyo.people.map((person) => [person.person.id, person.weeks.map((week) => week.emails)])).toEqual(
      [[repUser.id, [1, 1]]],
    );
    const everyone = await reportOf(org.admin, 'activity', period);
    expect(everyone.people.map((person) => person.person.name)).toEqual([
      'Max Manager',
      'Otto Outsider',
      'Rita Rep',
    ]);
  });
});

describe('accounts going cold', () => {
  it('when accounts have not been touched for the days asked, then they are listed with the largest open deal first, and a touch the caller may not see does not warm them', async ({
    org,
  }) => {
    const { client: rep, user: repUser } = await org.addUser('member', { name: 'Rosa Rep' });
    const { client: colleague } = await org.addUser('member');
    const account = (name: string) => createAccount(org.admin, { name, ownerId: repUser.id });
    const [, smallDeal, bigDeal, fresh, secretlyTouched] = await Promise.all(
      ['Untouched', 'Small deal', 'Big deal', 'Fresh', 'Secretly touched'].map(account),
    );
    const old = new Date(Date.now() - 45 * 86_400_000).toISOString();
    const recent = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const touch = (client: Client, id: string, occurredAt: string, extra: object = {}) =>
      logActivity(client, {
        type: 'call',
        subject: 'Touch',
        occurredAt,
        links: [{ type: 'account', id }],
        ...extra,
      });
    await touch(rep, smallDeal!.id, old);
    await touch(rep, bigDeal!.id, old);
    await touch(rep, fresh!.id, recent);
    await touch(rep, secretlyTouched!.id, old);
    await touch(colleague, secretlyTouched!.id, recent, { private: true });
    await createOpportunity(org.admin, {
      name: 'Small',
      accountId: smallDeal!.id,
      amountMinor: 1_000,
      currency: 'EUR',
    });
    await createOpportunity(org.admin, {
      name: 'Big',
      accountId: bigDeal!.id,
      amountMinor: 900_000,
      currency: 'EUR',
    });
    const lost = (await stagesByName(org.admin))['Closed lost']!;
    await createOpportunity(org.admin, {
      name: 'Bigger but lost',
      accountId: smallDeal!.id,
      amountMinor: 5_000_000,
      currency: 'EUR',
      stageId: lost.id,
    });

    const report = await reportOf(rep, 'going-cold', { days: 30 });
    expect(report.accounts.map((row) => row.name)).toEqual([
      'Big deal',
      'Small deal',
      'Untouched',
      'Secretly touched',
    ]);
    expect(report.accounts[0]).toMatchObject({
      owner: { id: repUser.id, name: 'Rosa Rep' },
      openDeals: 1,
      largestOpenDeal: { currency: 'EUR', amountMinor: 900_000 },
    });
    expect(report.accounts[2]).toMatchObject({ lastTouchAt: null, openDeals: 0, largestOpenDeal: null });
    expect(new Date(report.accounts[3]!.lastTouchAt!).toISOString()).toBe(old);

    // An admin sees the private call, so that account is warm for them.
    const forAdmin = await reportOf(org.admin, 'going-cold', { days: 30, ownerId: repUser.id });
    expect(forAdmin.accounts.map((row) => row.name)).not.toContain('Secretly touched');
    const limited = await reportOf(rep, 'going-cold', { days: 30, limit: 1 });
    expect([limited.accounts.length, limited.more]).toEqual([1, true]);
  });
});

describe('the cases report', () => {
  it('when cases are opened, answered and resolved, then it counts each week, the open ones by age and priority, and the median times to first response and resolution', async ({
    org,
    testApp,
  }) => {
    const knex = testApp.database.knex;
    const contact = await createContact(org.admin, { lastName: 'Customer' });
    const newCase = async (subject: string, priority = 'normal') => {
      const reply = await org.admin.post('/api/v1/cases', { subject, priority, contactId: contact.id });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body.id as string;
    };
    const fast = await newCase('Fast');
    await patchRecord(org.admin, `/api/v1/cases/${fast}`, { status: 'resolved' });
    await patchRecord(org.admin, `/api/v1/cases/${fast}`, { status: 'closed' });
    await setStatusStays(knex, org.orgId, fast, '2026-03-02T09:00:00Z', [
      ['new', '2026-03-02T09:00:00Z', '2026-03-02T13:00:00Z'],
      ['resolved', '2026-03-02T13:00:00Z', '2026-03-03T09:00:00Z'],
      ['closed', '2026-03-03T09:00:00Z', null],
    ]);
    const reopened = await newCase('Reopened', 'high');
    for (const status of ['resolved', 'open', 'resolved']) {
      await patchRecord(org.admin, `/api/v1/cases/${reopened}`, { status });
    }
    await setStatusStays(knex, org.orgId, reopened, '2026-03-03T09:00:00Z', [
      ['new', '2026-03-03T09:00:00Z', '2026-03-04T09:00:00Z'],
      ['resolved', '2026-03-04T09:00:00Z', '2026-03-09T09:00:00Z'],
      ['open', '2026-03-09T09:00:00Z', '2026-03-10T21:00:00Z'],
      ['resolved', '2026-03-10T21:00:00Z', null],
    ]);
    const waiting = await newCase('Waiting', 'urgent');
    await setStatusStays(knex, org.orgId, waiting, '2026-03-04T09:00:00Z', [
      ['new', '2026-03-04T09:00:00Z', null],
    ]);
    const caseLink = (id: string) => [{ type: 'case' as const, id }];
    // Fast: our reply 2 hours in (a customer's email before it does not count); Reopened: a call 6 hours in.
    await fileEmail(org.admin, emailToFile({ sentAt: '2026-03-02T10:00:00Z', links: caseLink(fast) }));
    await fileEmail(
      org.admin,
      emailToFile({
        sentAt: '2026-03-02T11:00:00Z',
        from: { email: org.adminUser.email, name: 'Ada Admin' },
        links: caseLink(fast),
      }),
    );
    await logActivity(org.admin, {
      type: 'call',
      subject: 'Called back',
      occurredAt: '2026-03-03T15:00:00Z',
      links: caseLink(reopened),
    });
    await logActivity(org.admin, {
      type: 'note',
      subject: 'Internal',
      occurredAt: '2026-03-04T10:00:00Z',
      links: caseLink(waiting),
    });

    const report = await reportOf(org.admin, 'cases', {
      from: '2026-03-02',
      to: '2026-03-15',
      timeZone: 'UTC',
    });
    expect(report.weeks).toEqual([
      { week: '2026-03-02', opened: 3, resolved: 2 },
      { week: '2026-03-09', opened: 0, resolved: 1 },
    ]);
    expect(report.openByAge).toEqual([{ age: 'older', priority: 'urgent', cases: 1 }]);
    expect(report.firstResponse).toEqual({ answered: 2, unanswered: 1, medianHours: 4 }); // 2 h and 6 h
    expect(report.resolution).toEqual({ resolved: 2, medianHours: 92 }); // 4 h and 7 d 12 h

    // The weeks' bars open the cases opened, or resolved, in that week.
    const casesIn = (field: 'opened' | 'resolved', from: string, to: string) =>
      listedNames(org.admin, 'cases', { [`${field}From`]: from, [`${field}To`]: to, timeZone: 'UTC' });
    expect(await casesIn('opened', '2026-03-02', '2026-03-08')).toEqual(['Fast', 'Reopened', 'Waiting']);
    expect(await casesIn('resolved', '2026-03-02', '2026-03-08')).toEqual(['Fast', 'Reopened']);
    expect(await casesIn('resolved', '2026-03-09', '2026-03-15')).toEqual(['Reopened']);

    const urgent = await reportOf(org.admin, 'cases', {
      from: '2026-03-02',
      to: '2026-03-15',
      priority: 'urgent',
    });
    expect(urgent.weeks.map((week) => week.opened)).toEqual([1, 0]);
  });

  it('when cases are open, then each is aged in whole days of the report’s time zone and each age bar opens exactly its cases', async ({
    org,
    testApp,
  }) => {
    const knex = testApp.database.knex;
    const contact = await createContact(org.admin, { lastName: 'Customer' });
    const openedDaysAgo = async (subject: string, days: number, status = 'open') => {
      const reply = await org.admin.post('/api/v1/cases', {
        subject,
        priority: 'high',
        contactId: contact.id,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      if (status !== 'new') await patchRecord(org.admin, `/api/v1/cases/${reply.body.id}`, { status });
      // Midday UTC, so the day is the same whatever the hour the test runs.
      const day = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
      await knex('cases')
        .where({ id: reply.body.id })
        .update({ created_at: `${day}T12:00:00Z` });
    };
    await openedDaysAgo('Today', 0);
    await openedDaysAgo('Seven days', 7, 'pending');
    await openedDaysAgo('Eight days', 8);
    await openedDaysAgo('Ninety-one days', 91);
    await openedDaysAgo('Resolved', 3, 'resolved');

    const report = await reportOf(org.admin, 'cases', { timeZone: 'UTC' });
    expect(report.today).toBe(new Date().toISOString().slice(0, 10));
    expect(report.openByAge).toEqual(
      expect.arrayContaining([
        { age: 'day', priority: 'high', cases: 1 },
        { age: 'week', priority: 'high', cases: 1 },
        { age: 'month', priority: 'high', cases: 1 },
        { age: 'older', priority: 'high', cases: 1 },
      ]),
    );
    expect(report.openByAge).toHaveLength(4);
    const ageBar = async (age: CaseAgeBucket) => {
      const opened = openedDaysOf(age, report.today);
      return listedNames(org.admin, 'cases', {
        status: ['new', 'open', 'pending'],
        priority: 'high',
        ...(opened.from ? { openedFrom: opened.from } : {}),
        openedTo: opened.to,
        timeZone: 'UTC',
      });
    };
    expect(await ageBar('day')).toEqual(['Today']);
    expect(await ageBar('week')).toEqual(['Seven days']);
    expect(await ageBar('month')).toEqual(['Eight days']);
    expect(await ageBar('quarter')).toEqual([]);
    expect(await ageBar('older')).toEqual(['Ninety-one days']);
  });
});

describe('the correspondence report', () => {
  it('when email is filed to accounts, then the accounts with most mail come first with each month’s count and our people who wrote to them', async ({
    org,
  }) => {
    const { user: writer } = await org.addUser('member', { name: 'Wendy Writer' });
    const [busy, quiet] = await Promise.all(
      ['Busy plc', 'Quiet plc'].map((name) => createAccount(org.admin, { name })),
    );
    const to = (account: { id: string }) => [{ type: 'account' as const, id: account.id }];
    const send = (
      account: { id: string },
      sentAt: string,
      from = { email: 'buyer@busy.example', name: 'Buyer' },
    ) => fileEmail(org.admin, emailToFile({ sentAt, from, links: to(account) }));
    await send(busy!, '2026-01-31T23:30:00Z');
    await send(busy!, '2026-02-10T10:00:00Z', { email: writer.email, name: 'Wendy Writer' });
    await send(busy!, '2026-02-11T10:00:00Z', { email: writer.email, name: 'Wendy Writer' });
    await send(busy!, '2026-02-12T10:00:00Z', { email: org.adminUser.email, name: 'Ada Admin' });
    await send(quiet!, '2026-01-05T10:00:00Z', { email: org.adminUser.email, name: 'Ada Admin' });
    await send(quiet!, '2025-12-31T10:00:00Z');

    const report = await reportOf(org.admin, 'correspondence', {
      from: '2026-01-01',
      to: '2026-02-28',
      timeZone: 'Europe/Berlin',
    });
    expect(report.months).toEqual(['2026-01', '2026-02']);
    expect(
      report.accounts.map((account) => [
        account.name,
        account.emails,
        account.months.map((month) => month.emails),
        account.writers.map((row) => [row.person.name, row.emails]),
      ]),
    ).toEqual([
      [
        'Busy plc',
        4,
        [0, 4],
        [
          ['Wendy Writer', 2],
          ['Ada Admin', 1],
        ],
      ],
      ['Quiet plc', 1, [1, 0], [['Ada Admin', 1]]],
    ]);
  });
});

describe('the account summary for the pane', () => {
  it('when an account has deals, cases and history, then it answers its open pipeline per currency, its open cases and the last touch the caller may see', async ({
    org,
  }) => {
    const { client: rep } = await org.addUser('member');
    const { client: colleague } = await org.addUser('member');
    const account = await createAccount(org.admin, { name: 'Summit Ltd' });
    const deal = (body: object) =>
      createOpportunity(org.admin, { name: 'Deal', accountId: account.id, ...body });
    await deal({ amountMinor: 100_000, currency: 'EUR' });
    await deal({ amountMinor: 50_000, currency: 'EUR' });
    await deal({ amountMinor: 7_000, currency: 'USD' });
    await deal({});
    const gone = await deal({ amountMinor: 999_999, currency: 'EUR' });
    expect((await org.admin.delete(`/api/v1/opportunities/${gone.id}`)).status).toBe(200);
    await deal({
      amountMinor: 123,
      currency: 'EUR',
      stageId: (await stagesByName(org.admin))['Closed won']!.id,
    });
    for (const status of ['new', 'pending', 'resolved']) {
      const created = await org.admin.post('/api/v1/cases', { subject: status, accountId: account.id });
      if (status !== 'new') await patchRecord(org.admin, `/api/v1/cases/${created.body.id}`, { status });
    }
    const links = [{ type: 'account' as const, id: account.id }];
    await logActivity(rep, { type: 'call', subject: 'Seen', occurredAt: '2026-10-01T10:00:00Z', links });
    await logActivity(colleague, {
      type: 'note',
      subject: 'Hidden',
      occurredAt: '2026-11-01T10:00:00Z',
      links,
      private: true,
    });
    await logActivity(rep, { type: 'meeting', subject: 'Booked', occurredAt: '2099-01-01T10:00:00Z', links });

    const summary = await rep.get(`/api/v1/accounts/${account.id}/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({
      accountId: account.id,
      openDeals: 4,
      openPipeline: [
        { currency: 'EUR', deals: 2, amountMinor: 150_000 },
        { currency: 'USD', deals: 1, amountMinor: 7_000 },
      ],
      openCases: 2,
      lastTouchAt: '2026-10-01T10:00:00.000Z',
    });
    expect((await org.admin.get(`/api/v1/accounts/${account.id}/summary`)).body.lastTouchAt).toBe(
      '2026-11-01T10:00:00.000Z',
    );
  });

  it('when the account is deleted or another organisation’s, then the answer is 404', async ({
    org,
    testApp,
  }) => {
    const account = await createAccount(org.admin, { name: 'Soon gone' });
    const other = await createTestOrganisation(testApp);
    expect((await other.admin.get(`/api/v1/accounts/${account.id}/summary`)).status).toBe(404);
    expect((await org.admin.delete(`/api/v1/accounts/${account.id}`)).status).toBe(200);
    expect((await org.admin.get(`/api/v1/accounts/${account.id}/summary`)).status).toBe(404);
  });
});
