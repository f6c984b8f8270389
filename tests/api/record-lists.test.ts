import type { ListPageOf, OpportunityListRow, TaskListRow } from '@inbox-crm/shared';
import { createAccount, createContact, createOpportunity } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import type { TestApp } from '../support/test-app.js';
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

describe('pipeline running totals', () => {
  type Knex = TestApp['database']['knex'];
  type Column = { id: string; total: { value: number; capped: boolean }; amounts: unknown[] };
  type Sums = { deals: number; amounts: { currency: string; amountMinor: number }[] };

  /** Each stage's live deals counted and summed afresh from the deals themselves. */
  async function freshSums(knex: Knex, orgId: string, ownerIds?: string[]): Promise<Map<string, Sums>> {
    const query = knex('opportunities').where({ org_id: orgId }).whereNull('deleted_at');
    if (ownerIds) query.whereIn('owner_id', ownerIds);
    const rows = (await query
      .groupBy('stage_id', 'currency')
      .orderBy('currency')
      .select(
        'stage_id',
        'currency',
        knex.raw('count(*)::int AS deals'),
        knex.raw('sum(amount_minor)::bigint AS amount'),
      )) as {
      stage_id: string;
      currency: string | null;
      deals: number;
      amount: string | null;
    }[];
    const sums = new Map<string, Sums>();
    for (const row of rows) {
      const stage = sums.get(row.stage_id) ?? { deals: 0, amounts: [] };
      stage.deals += row.deals;
      if (row.currency) stage.amounts.push({ currency: row.currency, amountMinor: Number(row.amount) });
      sums.set(row.stage_id, stage);
    }
    return sums;
  }

  /** The board's columns say what a fresh sum says, stage by stage. */
  async function expectBoardMatchesFreshSums(client: Client, path: string, expected: Map<string, Sums>) {
    const board = await client.get(path);
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    const columns = board.body.columns as Column[];
    expect(columns.length).toBeGreaterThan(0);
    for (const column of columns) {
      const sums = expected.get(column.id) ?? { deals: 0, amounts: [] };
      expect(column.total, column.id).toEqual({ value: sums.deals, capped: false });
      expect(column.amounts, column.id).toEqual(sums.amounts);
    }
  }

  /** The running totals, row by row, equal a fresh GROUP BY of the live deals. */
  async function expectTotalsMatchDeals(knex: Knex, orgId: string) {
    const key = 'owner_id, stage_id, currency';
    const totals = await knex.raw(
      `SELECT ${key}, deals::int, amount_minor::bigint AS amount FROM opportunity_stage_totals
       WHERE org_id = ? AND deals <> 0 ORDER BY ${key}`,
      [orgId],
    );
    const fresh = await knex.raw(
      `SELECT ${key}, count(*)::int AS deals, coalesce(sum(amount_minor), 0)::bigint AS amount FROM opportunities
       WHERE org_id = ? AND deleted_at IS NULL GROUP BY ${key} ORDER BY ${key}`,
      [orgId],
    );
    expect(totals.rows).toEqual(fresh.rows);
  }

  it('stay equal to a fresh sum through create, stage move, amount and currency change, owner change, delete and restore', async ({
    org,
    testApp,
  }) => {
    const knex = testApp.database.knex;
    const rep = await org.addUser('member', { name: 'Rita Rep' });
    const [lead, qualified, proposal] = await stagesOf(org.admin);
    const check = async () => {
      await expectTotalsMatchDeals(knex, org.orgId);
      await expectBoardMatchesFreshSums(
        org.admin,
        '/api/v1/boards/opportunities',
        await freshSums(knex, org.orgId),
      );
      await expectBoardMatchesFreshSums(
        org.admin,
        `/api/v1/boards/opportunities?owner=${rep.user.id}`,
        await freshSums(knex, org.orgId, [rep.user.id]),
      );
    };

    const euro = await createOpportunity(org.admin, {
      name: 'Euro',
      stageId: lead!.id,
      amountMinor: 10_000,
      currency: 'EUR',
    });
    const dollar = await createOpportunity(org.admin, {
      name: 'Dollar',
      stageId: lead!.id,
      amountMinor: 7_000,
      currency: 'USD',
    });
    const bare = await createOpportunity(org.admin, { name: 'No amount', stageId: lead!.id });
    const ritas = await createOpportunity(org.admin, {
      name: 'Rita’s',
      stageId: qualified!.id,
      ownerId: rep.user.id,
      amountMinor: 1_000,
      currency: 'EUR',
    });
    await check();
    const board = await org.admin.get('/api/v1/boards/opportunities');
    expect(board.body.columns[0]).toMatchObject({
      total: { value: 3, capped: false },
      amounts: [
        { currency: 'EUR', amountMinor: 10_000 },
        { currency: 'USD', amountMinor: 7_000 },
      ],
    });

    const patch = async (deal: { id: string; version: number }, body: object) => {
      const reply = await org.admin.patch(`/api/v1/opportunities/${deal.id}`, {
        version: deal.version,
        ...body,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return reply.body as { id: string; version: number };
    };
    const moved = await patch(euro, { stageId: proposal!.id });
    await check();
    const repriced = await patch(moved, { amountMinor: 12_500 });
    await check();
    await patch(repriced, { currency: 'GBP' });
    await check();
    await patch(bare, { amountMinor: 300, currency: 'USD', stageId: qualified!.id });
    await check();
    await patch(dollar, { ownerId: rep.user.id });
    await check();
    await patch(ritas, { amountMinor: null, currency: null });
    await check();

    const deleted = await org.admin.delete(`/api/v1/opportunities/${ritas.id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    await check();
    // A change to a deal in the trash moves no total.
    await knex('opportunities')
      .where({ org_id: org.orgId, id: ritas.id })
      .update({ amount_minor: 99, currency: 'EUR' });
    await check();
    expect((await org.admin.post(`/api/v1/opportunities/${ritas.id}/restore`)).status).toBe(200);
    await check();
    // Removed outright, as a purge or a cascade would.
    await knex('opportunities').where({ org_id: org.orgId, id: dollar.id }).delete();
    await check();
    const afterAll = await org.admin.get('/api/v1/boards/opportunities');
    expect(afterAll.body.columns[0].total).toEqual({ value: 0, capped: false });
    expect(afterAll.body.columns[0].amounts).toEqual([]);
  });

  it('leave filters the totals do not know (a search, an account, close dates) to the deals themselves', async ({
    org,
    testApp,
  }) => {
    const [lead] = await stagesOf(org.admin);
    const account = await createAccount(org.admin, { name: 'Filtered Ltd' });
    await createOpportunity(org.admin, {
      name: 'Harbour crane',
      stageId: lead!.id,
      accountId: account.id,
      closeDate: '2027-05-01',
      amountMinor: 4_000,
      currency: 'EUR',
    });
    await createOpportunity(org.admin, {
      name: 'Other deal',
      stageId: lead!.id,
      closeDate: '2027-09-01',
      amountMinor: 6_000,
      currency: 'EUR',
    });
    const one = { total: { value: 1, capped: false }, amounts: [{ currency: 'EUR', amountMinor: 4_000 }] };
    for (const filter of ['q=harbour', `accountId=${account.id}`, 'closeTo=2027-06-30']) {
      const board = await org.admin.get(`/api/v1/boards/opportunities?${filter}`);
      expect(board.status, JSON.stringify(board.body)).toBe(200);
      expect(board.body.columns[0], filter).toMatchObject(one);
    }
    await expectBoardMatchesFreshSums(
      org.admin,
      '/api/v1/boards/opportunities',
      await freshSums(testApp.database.knex, org.orgId),
    );
  });

  it('stay true when deals are created and moved between two stages in both directions at once', async ({
    org,
    testApp,
  }) => {
    const [lead, qualified] = await stagesOf(org.admin);
    const create = (stageId: string, index: number) =>
      createOpportunity(org.admin, {
        name: `Race ${index}`,
        stageId,
        amountMinor: 100 * index,
        currency: 'EUR',
      });
    const inLead = await Promise.all([1, 2, 3, 4, 5, 6].map((index) => create(lead!.id, index)));
    const inQualified = await Promise.all([7, 8, 9, 10, 11, 12].map((index) => create(qualified!.id, index)));
    const move = (deal: { id: string; version: number }, stageId: string) =>
      org.admin.patch(`/api/v1/opportunities/${deal.id}`, { version: deal.version, stageId });
    const replies = await Promise.all([
      ...inLead.map((deal) => move(deal, qualified!.id)),
      ...inQualified.map((deal) => move(deal, lead!.id)),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual(replies.map(() => 200));
    await expectTotalsMatchDeals(testApp.database.knex, org.orgId);
    const board = await org.admin.get('/api/v1/boards/opportunities');
    expect(board.body.columns[0]).toMatchObject({
      total: { value: 6, capped: false },
      amounts: [{ currency: 'EUR', amountMinor: 100 * (7 + 8 + 9 + 10 + 11 + 12) }],
    });
  });

  it('give a team’s board the sum of its members’ totals', async ({ org, testApp }) => {
    const team = await org.admin.post('/api/v1/teams', { name: 'North' });
    expect(team.status, JSON.stringify(team.body)).toBe(201);
    const north = await org.addUser('member', { name: 'Nina North', teamId: team.body.id });
    const mate = await org.addUser('member', { name: 'Nils North', teamId: team.body.id });
    const outsider = await org.addUser('member', { name: 'Otto Out' });
    const [lead] = await stagesOf(org.admin);
    for (const [owner, amountMinor] of [
      [north, 1_000],
      [mate, 2_000],
      [outsider, 4_000],
    ] as const) {
      await createOpportunity(org.admin, {
        name: 'Deal',
        stageId: lead!.id,
        ownerId: owner.user.id,
        amountMinor,
        currency: 'EUR',
      });
    }
    const board = await north.client.get('/api/v1/boards/opportunities?owner=team');
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    expect(board.body.columns[0]).toMatchObject({
      total: { value: 2, capped: false },
      amounts: [{ currency: 'EUR', amountMinor: 3_000 }],
    });
    await expectBoardMatchesFreshSums(
      north.client,
      '/api/v1/boards/opportunities?owner=team',
      await freshSums(testApp.database.knex, org.orgId, [north.user.id, mate.user.id]),
    );
  });
});

describe('contacts searched and sorted by name', () => {
  type Made = { id: string; firstName: string; lastName: string };
  const sortName = ({ firstName, lastName }: Made) => `${lastName} ${firstName}`.toLowerCase();
  // Byte order of the sort name, then id: the order of the name index under the C collation.
  const byName = (a: Made, b: Made) =>
    sortName(a) < sortName(b) ? -1 : sortName(a) > sortName(b) ? 1 : a.id < b.id ? -1 : 1;

  it('finds every contact by last name, first name, address or an accented name, in name order, paged both ways', async ({
    org,
  }) => {
    const people = [
      { firstName: 'Anna', lastName: 'Smith' },
      { firstName: 'Bob', lastName: 'Smith' },
      { firstName: 'Cy', lastName: 'Smithers', emails: ['smith@cy.example'] },
      { firstName: 'Smita', lastName: 'Avery' },
      { firstName: 'Dora', lastName: 'Young', emails: ['smiley.d@young.example'] },
      { firstName: 'Eve', lastName: 'Šmidt' },
      { firstName: 'Finn', lastName: "O'Smiley" },
      { firstName: 'Gil', lastName: 'Smj' },
      { firstName: 'Hal', lastName: 'Jones' },
      { firstName: 'Ian', lastName: 'Sm' },
      { firstName: 'Anne', lastName: 'Zzyzx', emails: ['smi@zz.example'] },
      { firstName: 'Zed', lastName: 'Smi9', emails: ['a9@nine.example'] },
      { firstName: 'Ann', lastName: 'A9' },
      { firstName: 'Anders', lastName: 'Aa' },
    ];
    const made: Made[] = [];
    for (const person of people) {
      const contact = await createContact(org.admin, person);
      made.push({ id: contact.id, firstName: person.firstName, lastName: person.lastName });
    }
    const gone = await createContact(org.admin, { firstName: 'Gone', lastName: 'Smith' });
    expect((await org.admin.delete(`/api/v1/contacts/${gone.id}`)).status).toBe(200);
    const named = (...names: string[]) => made.filter((person) => names.includes(person.lastName));

    const searches: Array<[q: string, expected: Made[]]> = [
      // Last names (a range of the name index), first names, addresses and folded accents together.
      ['smi', named('Smith', 'Smithers', 'Avery', 'Young', 'Šmidt', "O'Smiley", 'Zzyzx', 'Smi9')],
      ['smith', named('Smith', 'Smithers')],
      ['SMI an', named('Smith', 'Zzyzx').filter((person) => person.firstName.startsWith('An'))],
      ['an smi smith', named('Smith').filter((person) => person.firstName === 'Anna')],
      // A word of z's has no end to its range; a digit's range ends before the letters.
      ['zz', named('Zzyzx')],
      ['a9', named('A9', 'Smi9')],
      ['smiley', named('Young', "O'Smiley")],
      ['nobody', []],
    ];
    for (const [q, expected] of searches) {
      const path = `/api/v1/lists/contacts?q=${encodeURIComponent(q)}`;
      const ascending = await everyPage<{ id: string }>(org.admin, path, 2);
      expect(
        ascending.map((row) => row.id),
        q,
      ).toEqual([...expected].sort(byName).map((person) => person.id));
      const descending = await everyPage<{ id: string }>(org.admin, `${path}&sort=-name`, 3);
      expect(
        descending.map((row) => row.id),
        q,
      ).toEqual(ascending.map((row) => row.id).reverse());
      const counted = await org.admin.get<Page<{ id: string }>>(path);
      expect(counted.body.total, q).toEqual({ value: expected.length, capped: false });
    }
  });

  it('counts matches by name and by other words together, up to the cap', async ({ org, testApp }) => {
    const insert = (firstName: string, lastName: string, from: number, to: number) =>
      testApp.database.knex.raw(
        `INSERT INTO contacts (org_id, id, first_name, last_name, search_text)
         SELECT ?::uuid, gen_random_uuid(), ? || g, ? || g, lower(? || g || ' ' || ? || g)
           FROM generate_series(?::int, ?::int) g`,
        [org.orgId, firstName, lastName, firstName, lastName, from, to],
      );
    await insert('Ann', 'Bulkname', 1, 4000);
    await insert('Bulkname', 'Carr', 1, 3000);
    const some = await org.admin.get<Page<{ name: string }>>('/api/v1/lists/contacts?q=bulkname&limit=3');
    expect(some.body.total).toEqual({ value: 7000, capped: false });
    expect(some.body.items.map((row) => row.name)).toEqual([
      'Ann1 Bulkname1',
      'Ann10 Bulkname10',
      'Ann100 Bulkname100',
    ]);
    // Bulkname12, 120–129 and 1200–1299: a range of names with a second word to check.
    const someByName = await org.admin.get('/api/v1/lists/contacts?q=bulkname12%20ann');
    expect(someByName.body.total).toEqual({ value: 111, capped: false });
    await insert('Ann', 'Bulkname', 4001, 7500);
    const many = await org.admin.get<Page<{ name: string }>>(
      '/api/v1/lists/contacts?q=bulkname&sort=-name&limit=2',
    );
    expect(many.body.total).toEqual({ value: 10_000, capped: true });
    expect(many.body.items.map((row) => row.name)).toEqual(['Bulkname999 Carr999', 'Bulkname998 Carr998']);
  });

  it('narrows a split search by account, and keeps the trash to the plain search', async ({ org }) => {
    const account = await createAccount(org.admin, { name: 'Smith Holdings' });
    const atAccount = await createContact(org.admin, {
      firstName: 'Ada',
      lastName: 'Smith',
      accountId: account.id,
    });
    await createContact(org.admin, { firstName: 'Ben', lastName: 'Smith' });
    const viaEmail = await createContact(org.admin, {
      firstName: 'Cal',
      lastName: 'Brown',
      accountId: account.id,
      emails: ['smith.c@brown.example'],
    });
    const onAccount = await everyPage<{ id: string }>(
      org.admin,
      `/api/v1/lists/contacts?q=smith&accountId=${account.id}`,
      1,
    );
    expect(onAccount.map((row) => row.id)).toEqual([viaEmail.id, atAccount.id]);

    const trashed = await createContact(org.admin, { firstName: 'Dee', lastName: 'Smith' });
    expect((await org.admin.delete(`/api/v1/contacts/${trashed.id}`)).status).toBe(200);
    const trash = await everyPage<{ id: string }>(
      org.admin,
      '/api/v1/lists/contacts?q=smith&deleted=true',
      2,
    );
    expect(trash.map((row) => row.id)).toEqual([trashed.id]);
  });
});
