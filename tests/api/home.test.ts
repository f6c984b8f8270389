import type { Home, PipelineStage, RecordType } from '@inbox-crm/shared';
import { createContact, createOpportunity, emailToFile, fileEmail } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { createTestOrganisation } from '../support/organisation.js';
import type { TestApp } from '../support/test-app.js';
import { describe, expect, it } from '../support/suite.js';

const homeOf = async (client: Client): Promise<Home> => {
  const reply = await client.get<Home>('/api/v1/home');
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
};
const mailSubjects = async (client: Client) => (await homeOf(client)).recentMail.map((mail) => mail.subject);
const viewedNames = async (client: Client) => (await homeOf(client)).recentlyViewed.map((view) => view.name);
const view = (client: Client, type: RecordType, id: string) =>
  client.post('/api/v1/recent-views', { type, id });

/** Today's calendar date in UTC (the test users' time zone), shifted by whole days. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const thisMonth = () => {
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  return { from: `${day(0).slice(0, 8)}01`, to: last.toISOString().slice(0, 10) };
};

async function stages(client: Client): Promise<PipelineStage[]> {
  return (await client.get('/api/v1/pipeline-stages')).body.items;
}

async function createTask(client: Client, body: object) {
  const reply = await client.post('/api/v1/tasks', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; version: number };
}

describe('the home page', () => {
  it('when a member opens it, then it shows their open tasks due soonest with the overdue count, their open deals by close date, and no oversight', async ({
    org,
  }) => {
    const { client: rep, user } = await org.addUser('member', { name: 'Ravi Rep' });
    const { user: other } = await org.addUser('member');
    await createTask(org.admin, { title: 'Later call', dueAt: '2099-02-01T09:00:00Z', assigneeId: user.id });
    await createTask(org.admin, { title: 'Missed call', dueAt: '2020-01-01T09:00:00Z', assigneeId: user.id });
    await createTask(org.admin, { title: 'Undated', assigneeId: user.id });
    await createTask(org.admin, {
      title: 'Someone else’s',
      dueAt: '2020-01-01T09:00:00Z',
      assigneeId: other.id,
    });
    const done = await createTask(org.admin, { title: 'Done already', assigneeId: user.id });
    expect((await org.admin.post(`/api/v1/tasks/${done.id}/complete`, {})).status).toBe(200);

    const [open, won] = [
      (await stages(org.admin))[0]!,
      (await stages(org.admin)).find((s) => s.kind === 'won')!,
    ];
    const deal = (name: string, closeDate: string, body: object = {}) =>
      createOpportunity(org.admin, { name, closeDate, stageId: open.id, ownerId: user.id, ...body });
    await deal('Fleet renewal', day(40), { amountMinor: 1_250_000, currency: 'EUR' });
    await deal('Spare parts', day(3));
    await deal('Won earlier', day(1), { stageId: won.id });
    await deal('Not mine', day(2), { ownerId: other.id });

    const home = await homeOf(rep);
    expect(home.tasks.items.map((task) => [task.title, task.overdue])).toEqual([
      ['Missed call', true],
      ['Later call', false],
      ['Undated', false],
    ]);
    expect(home.tasks.open).toEqual({ value: 3, capped: false });
    expect(home.tasks.overdue).toEqual({ value: 1, capped: false });
    expect(home.deals.items.map((item) => item.name)).toEqual(['Spare parts', 'Fleet renewal']);
    expect(home.deals.items[1]).toMatchObject({
      stage: { name: open.name },
      amountMinor: 1_250_000,
      currency: 'EUR',
      closeDate: day(40),
    });
    expect(home.deals.open.value).toBe(2);
    expect(home.oversight).toBeNull();
  });

  it('when a manager opens it, then it counts their team’s overdue tasks and open deals closing this month; an admin’s counts the organisation', async ({
    org,
  }) => {
    const sales = (await org.admin.post('/api/v1/teams', { name: 'Sales' })).body as { id: string };
    const { client: manager, user: managerUser } = await org.addUser('manager', { teamId: sales.id });
    const { user: teammate } = await org.addUser('member', { teamId: sales.id });
    const { user: outsider } = await org.addUser('member');
    const month = thisMonth();
    const overdue = '2020-01-01T09:00:00Z';
    await createTask(org.admin, { title: 'Team late', dueAt: overdue, assigneeId: teammate.id });
    await createTask(org.admin, { title: 'Manager late', dueAt: overdue, assigneeId: managerUser.id });
    await createTask(org.admin, { title: 'Outsider late', dueAt: overdue, assigneeId: outsider.id });
    await createTask(org.admin, {
      title: 'Team on time',
      dueAt: '2099-01-01T09:00:00Z',
      assigneeId: teammate.id,
    });
    await createOpportunity(org.admin, {
      name: 'Team this month',
      closeDate: month.to,
      ownerId: teammate.id,
    });
    await createOpportunity(org.admin, {
      name: 'Outsider this month',
      closeDate: month.from,
      ownerId: outsider.id,
    });
    await createOpportunity(org.admin, { name: 'Team next year', closeDate: day(400), ownerId: teammate.id });

    const team = (await homeOf(manager)).oversight;
    expect(team).toMatchObject({
      scope: 'team',
      overdueTasks: { value: 2, capped: false },
      closingThisMonth: { total: { value: 1, capped: false }, ...month },
    });
    expect(team!.closingThisMonth.items.map((item) => item.name)).toEqual(['Team this month']);

    const organisation = (await homeOf(org.admin)).oversight;
    expect(organisation).toMatchObject({ scope: 'organisation', overdueTasks: { value: 3 } });
    expect(organisation!.closingThisMonth.items.map((item) => item.name).sort()).toEqual([
      'Outsider this month',
      'Team this month',
    ]);

    const { client: teamless } = await org.addUser('manager');
    expect((await homeOf(teamless)).oversight).toBeNull();
  });
});

/**
 * At least as many records as the home module counts before it finds recent mail by walking the
 * organisation's newest mail rather than each record's timeline (FEW_RECORDS).
 */
const MANY_RECORDS = 1000;

type EmailLink = Parameters<typeof emailToFile>[0]['links'][number];

/** Gives the user MANY_RECORDS contacts of their own without mail, written straight to the database. */
async function ownManyContacts(testApp: TestApp, orgId: string, userId: string): Promise<void> {
  await testApp.database.knex.raw(
    `INSERT INTO contacts (org_id, id, last_name, owner_id)
     SELECT ?, gen_random_uuid(), 'Quiet ' || n, ? FROM generate_series(1, ${MANY_RECORDS}) n`,
    [orgId, userId],
  );
}

describe('recent mail on the home page', () => {
  it('when mail is filed to records someone owns, then it shows each email once, newest first, naming their records, and not mail on others’ records', async ({
    org,
  }) => {
    const { client: rep, user } = await org.addUser('member');
    const contact = await createContact(org.admin, { firstName: 'Jane', lastName: 'Doe', ownerId: user.id });
    const deal = await createOpportunity(org.admin, { name: 'Jane’s renewal', ownerId: user.id });
    const notMine = await createContact(org.admin, { lastName: 'Elsewhere' });
    const both = [
      { type: 'contact' as const, id: contact.id },
      { type: 'opportunity' as const, id: deal.id },
    ];
    await fileEmail(
      org.admin,
      emailToFile({ subject: 'Older', sentAt: '2026-11-01T09:00:00Z', links: both }),
    );
    await fileEmail(
      org.admin,
      emailToFile({ subject: 'Newer', sentAt: '2026-11-02T09:00:00Z', links: [both[0]!] }),
    );
    await fileEmail(
      org.admin,
      emailToFile({ subject: 'Not for me', links: [{ type: 'contact', id: notMine.id }] }),
    );

    const mail = (await homeOf(rep)).recentMail;
    expect(mail.map((item) => item.subject)).toEqual(['Newer', 'Older']);
    expect(mail[1]).toMatchObject({
      from: { email: 'jane.doe@acme.example', name: 'Jane Doe' },
      sentAt: '2026-11-01T09:00:00.000Z',
      private: false,
      records: [
        { type: 'contact', id: contact.id, name: 'Jane Doe' },
        { type: 'opportunity', id: deal.id, name: 'Jane’s renewal' },
      ],
    });
  });

  it('when a private email is filed to someone’s record, then only its filer, their team’s manager and admins see it on their home, as on the timeline', async ({
    org,
  }) => {
    const sales = (await org.admin.post('/api/v1/teams', { name: 'Sales' })).body as { id: string };
    const support = (await org.admin.post('/api/v1/teams', { name: 'Support' })).body as { id: string };
    const filer = await org.addUser('member', { teamId: sales.id });
    const teammate = await org.addUser('member', { teamId: sales.id });
    const manager = await org.addUser('manager', { teamId: sales.id });
    const otherManager = await org.addUser('manager', { teamId: support.id });
    const people = {
      filer,
      teammate,
      manager,
      otherManager,
      admin: { client: org.admin, user: org.adminUser },
    };

    // Each person owns a contact, and the filer files one private email to all of them.
    const owned: Record<string, string> = {};
    for (const [role, person] of Object.entries(people)) {
      owned[role] = (await createContact(org.admin, { lastName: `Of ${role}`, ownerId: person.user.id })).id;
    }
    const links = Object.values(owned).map((id) => ({ type: 'contact' as const, id }));
    await fileEmail(filer.client, emailToFile({ subject: 'Salary review', private: true, links }));
    await fileEmail(filer.client, emailToFile({ subject: 'Public note', links }));

    const sees = async (role: keyof typeof people) => {
      const onHome = (await mailSubjects(people[role].client)).includes('Salary review');
      const timeline = await people[role].client.get(`/api/v1/contacts/${owned[role]}/timeline`);
      const onTimeline = timeline.body.items.some(
        (entry: { subject: string }) => entry.subject === 'Salary review',
      );
      expect(onHome, `${role}: the home page and the timeline agree`).toBe(onTimeline);
      return onHome;
    };
    expect(await sees('filer')).toBe(true);
    expect(await sees('manager')).toBe(true);
    expect(await sees('admin')).toBe(true);
    expect(await sees('teammate')).toBe(false);
    expect(await sees('otherManager')).toBe(false);
    expect(await mailSubjects(teammate.client)).toEqual(['Public note']);
  });

  it('when someone owns many records, then their home shows the same newest mail, naming their records, private mail still hidden, deleted records left out', async ({
    org,
    testApp,
  }) => {
    const { client: rep, user } = await org.addUser('member');
    const { client: colleague } = await org.addUser('member');
    await ownManyContacts(testApp, org.orgId, user.id);
    const contact = await createContact(org.admin, { firstName: 'Jane', lastName: 'Doe', ownerId: user.id });
    const deal = await createOpportunity(org.admin, { name: 'Jane’s renewal', ownerId: user.id });
    const dropped = await createOpportunity(org.admin, { name: 'Dropped deal', ownerId: user.id });
    const notMine = await createContact(org.admin, { lastName: 'Elsewhere' });
    const onContact = [{ type: 'contact' as const, id: contact.id }];
    const file = (client: Client, subject: string, day: number, links: EmailLink[], isPrivate = false) =>
      fileEmail(
        client,
        emailToFile({
          subject,
          sentAt: `2026-11-${String(day).padStart(2, '0')}T09:00:00Z`,
          links,
          private: isPrivate,
        }),
      );
    for (let day = 1; day <= 5; day += 1) await file(org.admin, `Day ${day}`, day, onContact);
    await file(org.admin, 'Both records', 10, [...onContact, { type: 'opportunity', id: deal.id }]);
    await file(colleague, 'Colleague’s private', 11, onContact, true);
    await file(rep, 'My private', 12, onContact, true);
    await file(org.admin, 'Not for me', 13, [{ type: 'contact', id: notMine.id }]);
    await file(org.admin, 'On the dropped deal', 14, [{ type: 'opportunity', id: dropped.id }]);
    expect((await org.admin.delete(`/api/v1/opportunities/${dropped.id}`)).status).toBe(200);

    const mail = (await homeOf(rep)).recentMail;
    expect(mail.map((item) => item.subject)).toEqual([
      'My private',
      'Both records',
      'Day 5',
      'Day 4',
      'Day 3',
      'Day 2',
    ]);
    expect(mail[1]!.records).toEqual([
      { type: 'contact', id: contact.id, name: 'Jane Doe' },
      { type: 'opportunity', id: deal.id, name: 'Jane’s renewal' },
    ]);
  });

  it('when someone owns many records but little of their mail is filed, then all of it shows', async ({
    org,
    testApp,
  }) => {
    const { client: rep, user } = await org.addUser('member');
    await ownManyContacts(testApp, org.orgId, user.id);
    const contact = await createContact(org.admin, { lastName: 'Rarely written', ownerId: user.id });
    const notMine = await createContact(org.admin, { lastName: 'Elsewhere' });
    const onContact = [{ type: 'contact' as const, id: contact.id }];
    await fileEmail(
      org.admin,
      emailToFile({ subject: 'First', sentAt: '2026-10-01T09:00:00Z', links: onContact }),
    );
    for (let n = 1; n <= 8; n += 1) {
      await fileEmail(
        org.admin,
        emailToFile({ subject: `Others’ ${n}`, links: [{ type: 'contact', id: notMine.id }] }),
      );
    }
    await fileEmail(
      org.admin,
      emailToFile({ subject: 'Second', sentAt: '2026-10-02T09:00:00Z', links: onContact }),
    );

    expect(await mailSubjects(rep)).toEqual(['Second', 'First']);
  });
});

describe('recently viewed records', () => {
  it('when records are opened, then the newest come first, each once, at most eight, and only the newest twenty are kept', async ({
    org,
    testApp,
  }) => {
    const contacts = [];
    for (let index = 0; index < 22; index += 1) {
      contacts.push(await createContact(org.admin, { firstName: 'Viewed', lastName: `No ${index}` }));
    }
    for (const contact of contacts) expect((await view(org.admin, 'contact', contact.id)).status).toBe(204);
    expect((await view(org.admin, 'contact', contacts[0]!.id)).status).toBe(204);

    const names = await viewedNames(org.admin);
    expect(names).toEqual([
      'Viewed No 0',
      ...['21', '20', '19', '18', '17', '16', '15'].map((n) => `Viewed No ${n}`),
    ]);
    const kept = await testApp.database
      .knex('recent_views')
      .where({ org_id: org.orgId, user_id: org.adminUser.id })
      .count({ n: '*' });
    expect(Number(kept[0]!.n)).toBe(20);
  });

  it('when a viewed record is deleted, then it drops out, and comes back when restored; other people’s views are their own', async ({
    org,
  }) => {
    const { client: rep } = await org.addUser('member');
    const account = (await org.admin.post('/api/v1/accounts', { name: 'Acme Ltd' })).body as { id: string };
    const deal = await createOpportunity(org.admin, { name: 'Acme fleet' });
    const supportCase = (await org.admin.post('/api/v1/cases', { subject: 'Broken van' })).body as {
      id: string;
    };
    await view(rep, 'account', account.id);
    await view(rep, 'opportunity', deal.id);
    await view(rep, 'case', supportCase.id);
    const home = await homeOf(rep);
    expect(home.recentlyViewed.map(({ type, name }) => [type, name])).toEqual([
      ['case', 'Broken van'],
      ['opportunity', 'Acme fleet'],
      ['account', 'Acme Ltd'],
    ]);
    expect(home.recentlyViewed[0]!.viewedAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(await viewedNames(org.admin)).toEqual([]);

    expect((await org.admin.delete(`/api/v1/opportunities/${deal.id}`)).status).toBe(200);
    expect(await viewedNames(rep)).toEqual(['Broken van', 'Acme Ltd']);
    expect((await view(rep, 'opportunity', deal.id)).status).toBe(404);
    expect((await org.admin.post(`/api/v1/opportunities/${deal.id}/restore`, {})).status).toBe(200);
    expect(await viewedNames(rep)).toEqual(['Broken van', 'Acme fleet', 'Acme Ltd']);
  });

  it('when a record of another organisation or of no kind is named, then nothing is noted', async ({
    org,
    testApp,
  }) => {
    const other = await createTestOrganisation(testApp);
    const theirs = await createContact(other.admin, { lastName: 'Foreign' });
    const theirDeal = await createOpportunity(other.admin, {
      name: 'Foreign deal',
      ownerId: other.adminUser.id,
    });
    await fileEmail(
      other.admin,
      emailToFile({ subject: 'Foreign mail', links: [{ type: 'opportunity', id: theirDeal.id }] }),
    );

    const refused = await view(org.admin, 'contact', theirs.id);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ error: 'not_found', message: 'Contact was not found.' });
    expect((await view(org.admin, 'opportunity', theirs.id)).status).toBe(404);
    expect((await view(org.admin, 'task' as RecordType, theirs.id)).status).toBe(400);
    expect((await org.admin.post('/api/v1/recent-views', { type: 'contact', id: 'nope' })).status).toBe(400);

    const home = await homeOf(org.admin);
    expect(home.recentlyViewed).toEqual([]);
    expect(home.recentMail).toEqual([]);
    expect(home.deals.items).toEqual([]);
    expect((await homeOf(other.admin)).recentMail.map((mail) => mail.subject)).toEqual(['Foreign mail']);
    expect((await org.anonymous.get('/api/v1/home')).status).toBe(401);
  });
});
