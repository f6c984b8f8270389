import { createAccount, createOpportunity } from '../support/fixtures.js';
import { listedNames, patchRecord, reportOf, setStageStays, stagesByName } from '../support/reports.js';
import { describe, expect, it } from '../support/suite.js';

// Each report's numbers against a small data set whose right answers are worked out by hand.

describe('the pipeline report', () => {
  it('when deals are in several currencies, then each stage counts them and adds amounts per currency, weighted by each deal’s probability, and leaves out deleted, closed and unpriced amounts', async ({
    org,
  }) => {
    const stages = await stagesByName(org.admin);
    const [lead, proposal] = [stages['Lead']!, stages['Proposal']!];
    const deal = (body: object) => createOpportunity(org.admin, { name: 'Deal', ...body });
    await deal({ stageId: lead.id, amountMinor: 100_000, currency: 'EUR' }); // 10%: 10,000
    await deal({ stageId: lead.id, amountMinor: 50_005, currency: 'EUR', probability: 33 }); // 16,501.65
    await deal({ stageId: lead.id, amountMinor: 30_000, currency: 'USD' }); // 3,000
    await deal({ stageId: lead.id });
    await deal({ stageId: proposal.id, amountMinor: 1_000_000, currency: 'JPY' }); // 50%: 500,000
    await deal({ stageId: stages['Closed won']!.id, amountMinor: 999_999, currency: 'EUR' });
    const deleted = await deal({ stageId: lead.id, amountMinor: 777_777, currency: 'EUR' });
    expect((await org.admin.delete(`/api/v1/opportunities/${deleted.id}`)).status).toBe(200);

    const report = await reportOf(org.admin, 'pipeline');
    expect(report.stages.map((stage) => stage.name)).toEqual([
      'Lead',
      'Qualified',
      'Proposal',
      'Negotiation',
    ]);
    expect(report.stages[0]).toMatchObject({
      deals: 4,
      unpricedDeals: 1,
      amounts: [
        { currency: 'EUR', deals: 2, amountMinor: 150_005, weightedMinor: 26_502 },
        { currency: 'USD', deals: 1, amountMinor: 30_000, weightedMinor: 3_000 },
      ],
    });
    expect(report.stages[1]).toMatchObject({ deals: 0, amounts: [], unpricedDeals: 0 });
    expect(report.totals).toEqual([
      { currency: 'EUR', deals: 2, amountMinor: 150_005, weightedMinor: 26_502 },
      { currency: 'JPY', deals: 1, amountMinor: 1_000_000, weightedMinor: 500_000 },
      { currency: 'USD', deals: 1, amountMinor: 30_000, weightedMinor: 3_000 },
    ]);
    expect(report.range).toMatchObject({ from: null, to: null, people: 'organisation' });

    const won = await reportOf(org.admin, 'pipeline', { status: 'won' });
    expect(won.stages.map((stage) => [stage.name, stage.deals])).toEqual([['Closed won', 1]]);
  });

  it('when narrowed to an account, a person and close dates, then only those deals count', async ({
    org,
  }) => {
    const { user: rep } = await org.addUser('member');
    const account = await createAccount(org.admin, { name: 'Narrow Ltd' });
    const deal = (body: object) =>
      createOpportunity(org.admin, { name: 'Deal', amountMinor: 1000, currency: 'GBP', ...body });
    await deal({ accountId: account.id, ownerId: rep.id, closeDate: '2027-03-10' });
    await deal({ accountId: account.id, ownerId: rep.id, closeDate: '2027-05-01' });
    await deal({ accountId: account.id, closeDate: '2027-03-10' });
    await deal({ ownerId: rep.id, closeDate: '2027-03-10' });

    const report = await reportOf(org.admin, 'pipeline', {
      accountId: account.id,
      ownerId: rep.id,
      from: '2027-03-01',
      to: '2027-03-31',
    });
    expect(report.totals).toEqual([{ currency: 'GBP', deals: 1, amountMinor: 1000, weightedMinor: 100 }]);
    expect(report.range).toMatchObject({ from: '2027-03-01', to: '2027-03-31', people: 'person' });
  });
});

describe('the forecast', () => {
  it('when deals close in different months, then open and weighted amounts fall in their close month and won amounts in the month they were won, in the report’s time zone', async ({
    org,
    testApp,
  }) => {
    const stages = await stagesByName(org.admin);
    const knex = testApp.database.knex;
    const deal = (body: object) => createOpportunity(org.admin, { name: 'Deal', currency: 'EUR', ...body });
    await deal({ stageId: stages['Proposal']!.id, amountMinor: 200_000, closeDate: '2027-01-31' });
    await deal({ stageId: stages['Lead']!.id, amountMinor: 100_000, closeDate: '2027-02-01' });
    await deal({ stageId: stages['Lead']!.id, amountMinor: 100_000, closeDate: '2027-06-01' }); // after the period
    await deal({ stageId: stages['Lead']!.id, amountMinor: 5 });
    // Won at 23:30 UTC on 31 January: still January in London, already February in Berlin.
    const won = await deal({ stageId: stages['Lead']!.id, amountMinor: 300_000, closeDate: '2027-01-15' });
    await patchRecord(org.admin, `/api/v1/opportunities/${won.id}`, { stageId: stages['Closed won']!.id });
    await setStageStays(knex, org.orgId, won.id, '2027-01-02T10:00:00Z', [
      [stages['Lead']!.id, '2027-01-02T10:00:00Z', '2027-01-31T23:30:00Z'],
      [stages['Closed won']!.id, '2027-01-31T23:30:00Z', null],
    ]);

    const period = { from: '2027-01-01', to: '2027-02-28' };
    const london = await reportOf(org.admin, 'forecast', { ...period, timeZone: 'Europe/London' });
    expect(london.months).toEqual(['2027-01', '2027-02']);
    expect(london.series).toEqual([
      {
        currency: 'EUR',
        months: [
          {
            month: '2027-01',
            openDeals: 1,
            openMinor: 200_000,
            weightedMinor: 100_000,
            wonDeals: 1,
            wonMinor: 300_000,
          },
          {
            month: '2027-02',
            openDeals: 1,
            openMinor: 100_000,
            weightedMinor: 10_000,
            wonDeals: 0,
            wonMinor: 0,
          },
        ],
      },
    ]);
    expect(london.undatedOpenDeals).toBe(1);

    const berlin = await reportOf(org.admin, 'forecast', { ...period, timeZone: 'Europe/Berlin' });
    expect(berlin.series[0]!.months.map((month) => [month.month, month.wonMinor])).toEqual([
      ['2027-01', 0],
      ['2027-02', 300_000],
    ]);

    // A won bar opens the list of the deals won that month, counted in the same zone.
    const wonIn = (timeZone: string, from: string, to: string) =>
      listedNames(org.admin, 'opportunities', { status: 'won', closedFrom: from, closedTo: to, timeZone });
    expect(await wonIn('Europe/Berlin', '2027-02-01', '2027-02-28')).toEqual(['Deal']);
    expect(await wonIn('Europe/London', '2027-02-01', '2027-02-28')).toEqual([]);
    expect(await wonIn('Europe/London', '2027-01-01', '2027-01-31')).toEqual(['Deal']);
  });
});

describe('win rate, sales cycle and time in stage', () => {
  it('when a deal moved back a stage before it was won and another was lost, then the rate is a half, the cycle ten days, and each stage’s time adds up every stay', async ({
    org,
    testApp,
  }) => {
    const { user: rep } = await org.addUser('member', { name: 'Rhea Rep' });
    const stages = await stagesByName(org.admin);
    const [qualified, proposal, won, lost] = ['Qualified', 'Proposal', 'Closed won', 'Closed lost'].map(
      (name) => stages[name]!.id,
    ) as [string, string, string, string];
    const knex = testApp.database.knex;
    const backAndForth = await createOpportunity(org.admin, {
      name: 'Back and forth',
      stageId: qualified,
      ownerId: rep.id,
    });
    for (const stageId of [proposal, qualified, proposal, won]) {
      await patchRecord(org.admin, `/api/v1/opportunities/${backAndForth.id}`, { stageId });
    }
    await setStageStays(knex, org.orgId, backAndForth.id, '2026-03-01T00:00:00Z', [
      [qualified, '2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z'],
      [proposal, '2026-03-05T00:00:00Z', '2026-03-07T00:00:00Z'],
      [qualified, '2026-03-07T00:00:00Z', '2026-03-08T00:00:00Z'],
      [proposal, '2026-03-08T00:00:00Z', '2026-03-11T00:00:00Z'],
      [won, '2026-03-11T00:00:00Z', null],
    ]);
    const quickLoss = await createOpportunity(org.admin, { name: 'Quick loss', stageId: qualified });
    await patchRecord(org.admin, `/api/v1/opportunities/${quickLoss.id}`, { stageId: lost });
    await setStageStays(knex, org.orgId, quickLoss.id, '2026-03-01T00:00:00Z', [
      [qualified, '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z'],
      [lost, '2026-03-03T00:00:00Z', null],
    ]);
    const lostInApril = await createOpportunity(org.admin, {
      name: 'Later',
      stageId: qualified,
      ownerId: rep.id,
    });
    await patchRecord(org.admin, `/api/v1/opportunities/${lostInApril.id}`, { stageId: lost });
    await setStageStays(knex, org.orgId, lostInApril.id, '2026-03-20T00:00:00Z', [
      [qualified, '2026-03-20T00:00:00Z', '2026-04-02T00:00:00Z'],
      [lost, '2026-04-02T00:00:00Z', null],
    ]);

    const march = await reportOf(org.admin, 'win-rate', {
      from: '2026-03-01',
      to: '2026-03-31',
      timeZone: 'UTC',
    });
    expect(march.totals).toEqual({ won: 1, lost: 1, winRate: 0.5 });
    expect(march.byMonth).toEqual([{ month: '2026-03', won: 1, lost: 1, winRate: 0.5 }]);
    expect(march.byOwner).toEqual([
      { owner: { id: org.adminUser.id, name: 'Ada Admin' }, won: 0, lost: 1, winRate: 0 },
      { owner: { id: rep.id, name: 'Rhea Rep' }, won: 1, lost: 0, winRate: 1 },
    ]);
    expect(march.salesCycle).toEqual({ wonDeals: 1, medianDays: 10 });
    const closedInMarch = { closedFrom: '2026-03-01', closedTo: '2026-03-31', timeZone: 'UTC' };
    expect(await listedNames(org.admin, 'opportunities', { ...closedInMarch, status: 'won' })).toEqual([
      'Back and forth',
    ]);
    expect(await listedNames(org.admin, 'opportunities', closedInMarch)).toEqual([
      'Back and forth',
      'Quick loss',
    ]);
    expect(march.timeInStage.map((stage) => [stage.name, stage.deals, stage.medianDays])).toEqual([
      ['Lead', 0, null],
      ['Qualified', 2, 3.5], // 4 + 1 days, and 2 days
      ['Proposal', 1, 5], // 2 + 3 days
      ['Negotiation', 0, null],
    ]);
    // A stage's bar opens the deals that left it in the period ("Later" left Qualified in April).
    const leftInMarch = (stageId: string) =>
      listedNames(org.admin, 'opportunities', {
        leftStageId: stageId,
        leftFrom: '2026-03-01',
        leftTo: '2026-03-31',
        timeZone: 'UTC',
      });
    expect(await leftInMarch(qualified)).toEqual(['Back and forth', 'Quick loss']);
    expect(await leftInMarch(proposal)).toEqual(['Back and forth']);
    expect(await leftInMarch(stages['Lead']!.id)).toEqual([]);

    const spring = await reportOf(org.admin, 'win-rate', {
      from: '2026-03-01',
      to: '2026-04-30',
      ownerId: rep.id,
    });
    expect(spring.byMonth.map((month) => [month.month, month.won, month.lost])).toEqual([
      ['2026-03', 1, 0],
      ['2026-04', 0, 1],
    ]);
    expect(spring.totals.winRate).toBe(0.5);
    // Rhea's deals: Qualified for 5 days in all (two stays) and for 13.
    expect(spring.timeInStage.find((stage) => stage.name === 'Qualified')).toMatchObject({
      deals: 2,
      medianDays: 9,
    });

    // A deal that comes back to a stage and leaves it again counts when it last left, in full.
    await patchRecord(org.admin, `/api/v1/opportunities/${quickLoss.id}`, { stageId: qualified });
    await patchRecord(org.admin, `/api/v1/opportunities/${quickLoss.id}`, { stageId: lost });
    await setStageStays(knex, org.orgId, quickLoss.id, '2026-03-01T00:00:00Z', [
      [qualified, '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z'],
      [lost, '2026-03-03T00:00:00Z', '2026-04-10T00:00:00Z'],
      [qualified, '2026-04-10T00:00:00Z', '2026-04-11T00:00:00Z'],
      [lost, '2026-04-11T00:00:00Z', null],
    ]);
    const inMonth = async (from: string, to: string) => {
      const report = await reportOf(org.admin, 'win-rate', { from, to, timeZone: 'UTC' });
      return report.timeInStage.find((stage) => stage.name === 'Qualified');
    };
    expect(await inMonth('2026-03-01', '2026-03-31')).toMatchObject({ deals: 1, medianDays: 5 });
    expect(await inMonth('2026-04-01', '2026-04-30')).toMatchObject({ deals: 2, medianDays: 8 }); // 3 and 13 days
    expect(
      await listedNames(org.admin, 'opportunities', {
        leftStageId: qualified,
        leftFrom: '2026-04-01',
        leftTo: '2026-04-30',
        timeZone: 'UTC',
      }),
    ).toEqual(['Later', 'Quick loss']);

    // A deal in the trash leaves the time in stage, and comes back with it.
    expect((await org.admin.delete(`/api/v1/opportunities/${lostInApril.id}`)).status).toBe(200);
    expect(await inMonth('2026-04-01', '2026-04-30')).toMatchObject({ deals: 1, medianDays: 3 });
    expect((await org.admin.post(`/api/v1/opportunities/${lostInApril.id}/restore`)).status).toBe(200);
    await patchRecord(org.admin, `/api/v1/opportunities/${quickLoss.id}`, { ownerId: rep.id });
    const rhea = await reportOf(org.admin, 'win-rate', {
      from: '2026-04-01',
      to: '2026-04-30',
      ownerId: rep.id,
    });
    expect(rhea.timeInStage.find((stage) => stage.name === 'Qualified')).toMatchObject({ deals: 2 });

    // The time kept per deal and stage is the stays' own, with the deal's owner, account and trash
    // state, after every move and edit above.
    const kept = await knex('opportunity_stage_time')
      .where({ org_id: org.orgId })
      .select(
        'opportunity_id',
        'stage_id',
        'spent_seconds',
        'last_left_at',
        'owner_id',
        'account_id',
        'deleted',
      )
      .orderBy(['opportunity_id', 'stage_id']);
    const { rows: worked } = await knex.raw(
      `SELECT h.opportunity_id, h.stage_id,
              sum(date_part('epoch', h.left_at) - date_part('epoch', h.entered_at)) AS spent_seconds,
              max(h.left_at) AS last_left_at, o.owner_id, o.account_id, o.deleted_at IS NOT NULL AS deleted
       FROM opportunity_stage_history h JOIN opportunities o ON o.org_id = h.org_id AND o.id = h.opportunity_id
       WHERE h.org_id = ? AND h.left_at IS NOT NULL
       GROUP BY 1, 2, o.owner_id, o.account_id, o.deleted_at ORDER BY 1, 2`,
      [org.orgId],
    );
    expect(kept).toEqual(worked);
    expect(kept).toHaveLength(5); // Back and forth: two stages; Quick loss: Qualified and Closed lost; Later: one
  });
});
