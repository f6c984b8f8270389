import { REPORT_NAMES } from '@inbox-crm/shared';
import { createAccount, createOpportunity } from '../support/fixtures.js';
import { queryString, reportOf } from '../support/reports.js';
import { describe, expect, it } from '../support/suite.js';

describe('who may see which report', () => {
  it('when a member asks, then they get their own numbers, and asking for a colleague or a team is refused', async ({
    org,
  }) => {
    const { client: rep, user: repUser } = await org.addUser('member');
    const { user: colleague } = await org.addUser('member');
    const deal = (ownerId: string) =>
      createOpportunity(org.admin, { name: 'Deal', ownerId, amountMinor: 100, currency: 'EUR' });
    await deal(repUser.id);
    await deal(colleague.id);

    const own = await reportOf(rep, 'pipeline');
    expect(own.totals).toEqual([{ currency: 'EUR', deals: 1, amountMinor: 100, weightedMinor: 10 }]);
    expect(own.range.people).toBe('person');
    const team = (await org.admin.post('/api/v1/teams', { name: 'Any' })).body as { id: string };
    for (const query of [{ ownerId: colleague.id }, { teamId: team.id }] as Record<string, string>[]) {
      const reply = await rep.get(`/api/v1/reports/pipeline?${queryString(query)}`);
      expect(reply.status).toBe(403);
      expect(reply.body.error).toBe('forbidden');
    }
    expect((await reportOf(org.admin, 'pipeline')).totals[0]!.deals).toBe(2);
  });

  it('when a manager asks, then they get their team’s numbers and any one of its people’s, and nobody else’s', async ({
    org,
  }) => {
    const teams = await Promise.all(
      ['North', 'South'].map(
        async (name) => (await org.admin.post('/api/v1/teams', { name })).body as { id: string },
      ),
    );
    const [north, south] = teams as [{ id: string }, { id: string }];
    const { client: manager, user: managerUser } = await org.addUser('manager', { teamId: north.id });
    const { user: northRep } = await org.addUser('member', { teamId: north.id });
    const { user: southRep } = await org.addUser('member', { teamId: south.id });
    for (const owner of [managerUser, northRep, northRep, southRep]) {
      await createOpportunity(org.admin, { name: 'Deal', ownerId: owner.id });
    }

    const teamReport = await reportOf(manager, 'pipeline');
    expect([teamReport.range.people, teamReport.unpricedDeals]).toEqual(['team', 3]);
    expect((await reportOf(manager, 'pipeline', { ownerId: northRep.id })).unpricedDeals).toBe(2);
    expect((await reportOf(manager, 'pipeline', { teamId: north.id })).unpricedDeals).toBe(3);
    for (const query of [{ ownerId: southRep.id }, { teamId: south.id }] as Record<string, string>[]) {
      expect((await manager.get(`/api/v1/reports/pipeline?${queryString(query)}`)).status).toBe(403);
    }
    const southReport = await reportOf(org.admin, 'pipeline', { teamId: south.id });
    expect([southReport.range.people, southReport.unpricedDeals]).toEqual(['team', 1]);
    // Its bars open the list of that team's deals.
    const southDeals = await org.admin.get(`/api/v1/lists/opportunities?teamId=${south.id}`);
    expect(southDeals.body.items.map((row: { owner: { id: string } }) => row.owner.id)).toEqual([
      southRep.id,
    ]);
  });

  it('when nobody is signed in, then every report is refused', async ({ org }) => {
    for (const name of REPORT_NAMES) {
      expect((await org.anonymous.get(`/api/v1/reports/${name}`)).status).toBe(401);
    }
  });
});

describe('asking for a report badly', () => {
  it('when a filter is malformed, unknown or out of range, then the answer is a 400 or 404 in our shape, never a 500', async ({
    org,
  }) => {
    const cases: [string, number][] = [
      ['/api/v1/reports/activity?from=2026-03-10&to=2026-03-01', 400],
      ['/api/v1/reports/activity?from=2016-01-01&to=2026-03-01', 400],
      ['/api/v1/reports/activity?timeZone=Mars/Olympus', 400],
      ['/api/v1/reports/activity?timeZone=%27%3B%20DROP', 400],
      ['/api/v1/reports/going-cold?days=0', 400],
      ['/api/v1/reports/pipeline?status=maybe', 400],
      ['/api/v1/reports/pipeline?colour=red', 400],
      ['/api/v1/reports/forecast?from=2026-02-30', 400],
      ['/api/v1/reports/cases?ownerId=not-a-uuid', 400],
      [`/api/v1/reports/cases?teamId=${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}`, 404],
      [`/api/v1/reports/cases?ownerId=${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}`, 404],
    ];
    for (const [url, status] of cases) {
      const reply = await org.admin.get(url);
      expect([url, reply.status]).toEqual([url, status]);
      expect(typeof reply.body.message, url).toBe('string');
      expect(reply.body.error, url).toMatch(/^(validation_failed|not_found)$/);
    }
  });

  it('when a zone goes by an old name the database no longer knows, then it is read as its present one', async ({
    org,
  }) => {
    const report = await reportOf(org.admin, 'activity', { timeZone: 'US/Pacific-New' });
    expect(report.range.timeZone).toBe('America/Los_Angeles');
    const listed = await org.admin.get(
      '/api/v1/lists/activities?atFrom=2026-03-01&timeZone=Canada/East-Saskatchewan',
    );
    expect(listed.status).toBe(200);
  });
});

describe('exporting a report', () => {
  it('when a report is exported, then the CSV holds its tables with amounts in major units, and a name that would run as a formula is neutralised', async ({
    org,
  }) => {
    const account = await createAccount(org.admin, { name: '=HYPERLINK("https://evil.example","Click")' });
    await createOpportunity(org.admin, {
      name: 'Deal',
      accountId: account.id,
      amountMinor: 150_005,
      currency: 'EUR',
    });

    const pipeline = await org.admin.get('/api/v1/reports/pipeline.csv');
    expect(pipeline.status).toBe(200);
    expect(pipeline.headers['content-type']).toMatch(/^text\/csv/);
    expect(pipeline.headers['content-disposition']).toMatch(
      /^attachment; filename="pipeline-report-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (pipeline.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Pipeline by stage',
      'Stage,Currency,Deals,Amount,Weighted amount',
      'Lead,EUR,1,1500.05,150.01',
    ]);
    expect((pipeline.body as string).startsWith('\uFEFF')).toBe(true);

    const cold = await org.admin.get('/api/v1/reports/going-cold.csv?days=1');
    expect(cold.body).toContain(`"'=HYPERLINK(""https://evil.example"",""Click"")"`);
    expect(cold.body).not.toMatch(/(^|\n|,)"?=HYPERLINK/);
  });

  it('when the API documentation is read, then every report and its CSV are in it', async ({ org }) => {
    const paths = Object.keys((await org.anonymous.get('/docs/json')).body.paths);
    for (const name of REPORT_NAMES) {
      expect(paths).toContain(`/api/v1/reports/${name}`);
      expect(paths).toContain(`/api/v1/reports/${name}.csv`);
    }
  });
});

describe('the home dashboard', () => {
  it('when nobody has chosen, then each role gets its own tiles; a choice is kept per person, in order, until reset', async ({
    org,
  }) => {
    const { client: rep } = await org.addUser('member');
    const { client: otherRep } = await org.addUser('member');
    const { client: manager } = await org.addUser('manager');
    const tilesOf = async (client: typeof rep) => (await client.get('/api/v1/dashboard')).body;
    expect(await tilesOf(rep)).toEqual({
      tiles: ['pipeline', 'forecast', 'activity', 'going-cold'],
      custom: false,
    });
    expect((await tilesOf(manager)).tiles).toEqual(['pipeline', 'forecast', 'win-rate', 'activity', 'cases']);
    expect((await tilesOf(org.admin)).tiles).toContain('correspondence');

    const saved = await rep.request('PUT', '/api/v1/dashboard', { tiles: ['cases', 'pipeline'] });
    expect(saved.status).toBe(200);
    expect(await tilesOf(rep)).toEqual({ tiles: ['cases', 'pipeline'], custom: true });
    expect((await tilesOf(otherRep)).custom).toBe(false);
    expect((await rep.request('PUT', '/api/v1/dashboard', { tiles: [] })).body).toEqual({
      tiles: [],
      custom: true,
    });

    for (const tiles of [['pipeline', 'pipeline'], ['weather'], 'pipeline']) {
      const refused = await rep.request('PUT', '/api/v1/dashboard', { tiles });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toBe('validation_failed');
    }
    expect((await tilesOf(rep)).tiles).toEqual([]);
    expect((await rep.request('PUT', '/api/v1/dashboard', { tiles: null })).body.custom).toBe(false);
    expect((await tilesOf(rep)).tiles).toEqual(['pipeline', 'forecast', 'activity', 'going-cold']);
  });
});
