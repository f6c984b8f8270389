import type { ListPageOf, OpportunityListRow, TaskListRow } from '@inbox-crm/shared';
import { createAccount, createContact, createOpportunity } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { describe, expect, it } from '../support/suite.js';

type Page<T> = ListPageOf<T>;

/** Every row of a list, a page at a time, following nextCursor. */
async function everyPage<T extends { id: string }>(client: Client, url: string, limit: number): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const reply: { status: number; body: Page<T> } = await client.get<Page<T>>(
      `${url}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    rows.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return rows;
}

async function stagesOf(client: Client): Promise<{ id: string; name: string; kind: string }[]> {
  return (await client.get('/api/v1/pipeline-stages')).body.items;
}

describe('record lists', () => {
  it('sort deals by close date (undated last), page by cursor without loss or repeat, and name what they point at', async ({
    org,
  }) => {
    const account = await createAccount(org.admin, { name: 'Acme Fleet' });
    const dates = ['2027-03-01', null, '2027-01-15', '2027-01-15', null, '2027-02-01', '2027-01-15'];
    const made = [];
    for (const [index, closeDate] of dates.entries()) {
      made.push(
        await createOpportunity(org.admin, {
          name: `Deal ${index}`,
          accountId: account.id,
          closeDate,
          amountMinor: (index + 1) * 1000,
          currency: 'EUR',
        }),
      );
    }
    const ascending = await everyPage<OpportunityListRow>(org.admin, '/api/v1/lists/opportunities', 2);
    expect(ascending.map((row) => row.closeDate)).toEqual([
      '2027-01-15',
      '2027-01-15',
      '2027-01-15',
      '2027-02-01',
      '2027-03-01',
      null,
      null,
    ]);
    expect(new Set(ascending.map((row) => row.id)).size).toBe(dates.length);
    expect(ascending[0]).toMatchObject({
      account: { id: account.id, name: 'Acme Fleet' },
      stage: { name: expect.any(String) },
      owner: { id: org.adminUser.id, name: 'Ada Admin' },
      status: 'open',
    });

    const descending = await everyPage<OpportunityListRow>(
      org.admin,
      '/api/v1/lists/opportunities?sort=-closeDate',
      3,
    );
    expect(descending.map((row) => row.id)).toEqual([...ascending].reverse().map((row) => row.id));

    const byAmount = await everyPage<OpportunityListRow>(
      org.admin,
      '/api/v1/lists/opportunities?sort=-amount',
      4,
    );
    expect(byAmount.map((row) => row.amountMinor)).toEqual([7000, 6000, 5000, 4000, 3000, 2000, 1000]);
    expect(made).toHaveLength(7);
  });

  it('filter deals by owner (me, team, a person), stage, outcome and close-date range, and count the matches', async ({
    org,
  }) => {
    const team = (await org.admin.post('/api/v1/teams', { name: 'North' })).body as { id: string };
    const north = await org.addUser('member', { teamId: team.id, name: 'Nina North' });
    const manager = await org.addUser('manager', { teamId: team.id, name: 'Max North' });
    const elsewhere = await org.addUser('member', { name: 'Owen Other' });
    const stages = await stagesOf(org.admin);
    const won = stages.find((stage) => stage.kind === 'won')!;
    await createOpportunity(org.admin, { name: 'Nina Q1', ownerId: north.user.id, closeDate: '2027-01-10' });
    await createOpportunity(org.admin, {
      name: 'Nina won',
      ownerId: north.user.id,
      closeDate: '2027-02-10',
      stageId: won.id,
    });
    await createOpportunity(org.admin, { name: 'Max Q1', ownerId: manager.user.id, closeDate: '2027-01-20' });
    await createOpportunity(org.admin, {
      name: 'Owen Q1',
      ownerId: elsewhere.user.id,
      closeDate: '2027-01-05',
    });

    const names = async (client: Client, query: string) => {
      const reply = await client.get<Page<OpportunityListRow>>(`/api/v1/lists/opportunities?${query}`);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return { names: reply.body.items.map((row) => row.name), total: reply.body.total };
    };
    expect(await names(north.client, 'owner=me')).toEqual({
      names: ['Nina Q1', 'Nina won'],
      total: { value: 2, capped: false },
    });
    expect((await names(manager.client, 'owner=team')).names).toEqual(['Nina Q1', 'Max Q1', 'Nina won']);
    expect((await names(org.admin, `owner=${elsewhere.user.id}`)).names).toEqual(['Owen Q1']);
    expect((await names(org.admin, 'status=won')).names).toEqual(['Nina won']);
    expect((await names(org.admin, `stageId=${won.id}&stageId=${stages[0]!.id}`)).names).toHaveLength(4);
    expect(await names(org.admin, 'closeFrom=2027-01-06&closeTo=2027-01-31')).toEqual({
      names: ['Nina Q1', 'Max Q1'],
      total: { value: 2, capped: false },
    });

    const noTeam = await elsewhere.client.get('/api/v1/lists/opportunities?owner=team');
    expect(noTeam.status).toBe(422);
    expect(noTeam.body.error).toBe('no_team');
  });

  it('keeps organisations apart, lists the trash on request and refuses a forged cursor or sort', async ({
    org,
    testApp,
  }) => {
    const { createTestOrganisation } = await import('../support/organisation.js');
    const other = await createTestOrganisation(testApp);
    const theirs = await createAccount(other.admin, { name: 'Their Secret Account' });
    const ours = await createAccount(org.admin, { name: 'Our Account' });
    const gone = await createAccount(org.admin, { name: 'Binned Account' });
    await org.admin.delete(`/api/v1/accounts/${gone.id}`);

    const live = await org.admin.get('/api/v1/lists/accounts');
    expect(live.body.items.map((row: { id: string }) => row.id)).toEqual([ours.id]);
    const theirOwner = await org.admin.get(`/api/v1/lists/accounts?owner=${other.adminUser.id}`);
    expect(theirOwner.body.items).toEqual([]);
    expect(JSON.stringify(await org.admin.get('/api/v1/lists/accounts?q=secret'))).not.toContain(theirs.id);
    const trash = await org.admin.get('/api/v1/lists/accounts?deleted=true');
    expect(trash.body.items.map((row: { name: string }) => row.name)).toEqual(['Binned Account']);

    const forged = await org.admin.get(
      `/api/v1/lists/accounts?cursor=${Buffer.from('["x","1"]').toString('base64url')}`,
    );
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ error: 'validation_failed' });
    const badSort = await org.admin.get('/api/v1/lists/accounts?sort=password');
    expect(badSort.status).toBe(400);
    expect((await org.anonymous.get('/api/v1/lists/accounts')).status).toBe(401);
  });

  it('counts up to ten thousand matches and then says there are more', async ({ org, testApp }) => {
    await testApp.database.knex.raw(
      `INSERT INTO accounts (org_id, id, name, search_text)
       SELECT ?::uuid, gen_random_uuid(), 'Bulk ' || g, 'bulk ' || g FROM generate_series(1, 10005) g`,
      [org.orgId],
    );
    const page = await org.admin.get('/api/v1/lists/accounts?limit=5');
    expect(page.body.total).toEqual({ value: 10_000, capped: true });
    expect(page.body.items).toHaveLength(5);
    const few = await org.admin.get('/api/v1/lists/accounts?q=bulk%2010004');
    expect(few.body.total).toEqual({ value: 1, capped: false });
  });

  it('lists tasks with the records they concern by name, and filters the overdue', async ({ org }) => {
    const account = await createAccount(org.admin, { name: 'Acme' });
    const contact = await createContact(org.admin, {
      firstName: 'Jane',
      lastName: 'Doe',
      accountId: account.id,
    });
    const deal = await createOpportunity(org.admin, { name: 'Fleet renewal', accountId: account.id });
    const late = await org.admin.post('/api/v1/tasks', {
      title: 'Call about',
      dueAt: '2020-01-01T09:00:00Z',
      accountId: account.id,
      contactId: contact.id,
      opportunityId: deal.id,
    });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    await org.admin.post('/api/v1/tasks', { title: 'Later', dueAt: '2099-01-01T09:00:00Z' });

    const all = await everyPage<TaskListRow>(org.admin, '/api/v1/lists/tasks', 1);
    expect(all.map((row) => row.title)).toEqual(['Call about', 'Later']);
    expect(all[0]).toMatchObject({
      overdue: true,
      records: [
        { type: 'account', id: account.id, name: 'Acme' },
        { type: 'contact', id: contact.id, name: 'Jane Doe' },
        { type: 'opportunity', id: deal.id, name: 'Fleet renewal' },
      ],
    });
    const overdue = await org.admin.get('/api/v1/lists/tasks?overdue=true');
    expect(overdue.body.items.map((row: TaskListRow) => row.title)).toEqual(['Call about']);
    const notOverdue = await org.admin.get('/api/v1/lists/tasks?overdue=false');
    expect(notOverdue.body.items.map((row: TaskListRow) => row.title)).toEqual(['Later']);
    const searched = await org.admin.get('/api/v1/lists/tasks?q=%25');
    expect(searched.body.items).toEqual([]);
  });
});

describe('list export', () => {
  it('writes every matching row as CSV with the list’s columns, in its order, formulas neutralised', async ({
    org,
  }) => {
    await createAccount(org.admin, { name: '=HYPERLINK("http://evil.example","Click")', industry: 'Retail' });
    await createAccount(org.admin, { name: 'Smith, "Bob" & Sons', industry: '@risk' });
    await createAccount(org.admin, { name: 'Other', industry: 'Retail' });
    await createAccount(org.admin, { name: 'Not retail', industry: 'Mining' });

    const csv = await org.admin.get<string>('/api/v1/lists/accounts.csv?sort=-name&limit=1');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const page = await org.admin.get('/api/v1/lists/accounts?sort=-name');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.slice(1).trimEnd().split('\n');
    expect(lines[0]).toBe('Name,Domains,Industry,Phone,Owner,Updated');
    expect(lines).toHaveLength(page.body.items.length + 1);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([
      '"Smith',
      'Other',
      'Not retail',
      expect.stringMatching(/^"'=HYPERLINK/),
    ]);
    expect(lines[4]).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(lines[1]).toContain(`"Smith, ""Bob"" & Sons",,'@risk,,Ada Admin,`);

    const filtered = await org.admin.get<string>('/api/v1/lists/accounts.csv?q=other');
    expect(filtered.body.slice(1).trimEnd().split('\n')).toHaveLength(2);
    const empty = await org.admin.get<string>('/api/v1/lists/accounts.csv?q=nothingmatches');
    expect(empty.body.slice(1).trimEnd()).toBe('Name,Domains,Industry,Phone,Owner,Updated');
    const refused = await org.admin.get<string>('/api/v1/lists/accounts.csv?owner=team');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'no_team' });
  });
});

describe('boards', () => {
  it('put deals in a column per stage with their count and their amounts per currency, never summed across', async ({
    org,
  }) => {
    const rep = await org.addUser('member', { name: 'Rita Rep' });
    const stages = await stagesOf(org.admin);
    const [lead, qualified] = stages;
    await createOpportunity(org.admin, {
      name: 'Euro A',
      stageId: lead!.id,
      amountMinor: 10_000,
      currency: 'EUR',
    });
    await createOpportunity(org.admin, {
      name: 'Euro B',
      stageId: lead!.id,
      amountMinor: 5_000,
      currency: 'EUR',
    });
    await createOpportunity(org.admin, {
      name: 'Dollar',
      stageId: lead!.id,
      amountMinor: 7_000,
      currency: 'USD',
    });
    await createOpportunity(org.admin, { name: 'No amount', stageId: qualified!.id });
    await createOpportunity(org.admin, {
      name: 'Rita’s',
      stageId: qualified!.id,
      ownerId: rep.user.id,
      amountMinor: 1_000,
      currency: 'EUR',
    });

    const board = await org.admin.get('/api/v1/boards/opportunities');
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    expect(board.body.columns.map((column: { name: string }) => column.name)).toEqual(
      stages.map((s) => s.name),
    );
    const [first, second] = board.body.columns;
    expect(first).toMatchObject({
      id: lead!.id,
      total: { value: 3, capped: false },
      amounts: [
        { currency: 'EUR', amountMinor: 15_000 },
        { currency: 'USD', amountMinor: 7_000 },
      ],
      nextCursor: null,
    });
    expect(first.items.map((row: { name: string }) => row.name).sort()).toEqual([
      'Dollar',
      'Euro A',
      'Euro B',
    ]);
    expect(second.amounts).toEqual([{ currency: 'EUR', amountMinor: 1_000 }]);

    const ritas = await org.admin.get(`/api/v1/boards/opportunities?owner=${rep.user.id}`);
    expect(ritas.body.columns.map((column: { total: { value: number } }) => column.total.value)).toEqual(
      stages.map((stage) => (stage.id === qualified!.id ? 1 : 0)),
    );
  });

  it('put cases in a column per status, the most urgent first', async ({ org }) => {
    for (const [subject, priority, status] of [
      ['Low one', 'low', 'new'],
      ['Urgent one', 'urgent', 'new'],
      ['High one', 'high', 'new'],
      ['Waiting', 'normal', 'pending'],
    ] as const) {
      expect((await org.admin.post('/api/v1/cases', { subject, priority, status })).status).toBe(201);
    }
    const board = await org.admin.get('/api/v1/boards/cases');
    expect(board.body.columns.map((column: { name: string }) => column.name)).toEqual([
      'New',
      'Open',
      'Pending',
      'Resolved',
      'Closed',
    ]);
    expect(board.body.columns[0].items.map((row: { subject: string }) => row.subject)).toEqual([
      'Urgent one',
      'High one',
      'Low one',
    ]);
    expect(board.body.columns[2].total).toEqual({ value: 1, capped: false });
    expect((await org.admin.get('/api/v1/boards/cases?priority=bogus')).status).toBe(400);
  });
});
