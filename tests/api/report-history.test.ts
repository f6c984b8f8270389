import { migrationSource } from '@inbox-crm/migrations';
import type { Knex } from 'knex';
import { createOpportunity } from '../support/fixtures.js';
import { patchRecord, stagesByName } from '../support/reports.js';
import { describe, expect, it, test } from '../support/suite.js';

// This file drops and rebuilds the history tables, so it has a database of its own.
test.override('appOptions', { isolated: true });

const stageStays = (knex: Knex, orgId: string, opportunityId: string) =>
  knex('opportunity_stage_history')
    .where({ org_id: orgId, opportunity_id: opportunityId })
    .orderBy('entered_at')
    .select('stage_id', 'entered_at', 'left_at');
const statusStays = (knex: Knex, orgId: string, caseId: string) =>
  knex('case_status_history')
    .where({ org_id: orgId, case_id: caseId })
    .orderBy('entered_at')
    .select('status', 'resolves', 'entered_at', 'left_at');

describe('the stage and status history', () => {
  it('when deals move between stages and cases between statuses, then each stay is written as it happens, and the migration rebuilds the same stays from the audit log', async ({
    org,
    testApp,
  }) => {
    const knex = testApp.database.knex;
    const stages = await stagesByName(org.admin);
    const [lead, proposal, won] = [stages['Lead']!.id, stages['Proposal']!.id, stages['Closed won']!.id];
    const deal = await createOpportunity(org.admin, { name: 'Moves', stageId: lead });
    for (const stageId of [proposal, lead, proposal, won]) {
      await patchRecord(org.admin, `/api/v1/opportunities/${deal.id}`, { stageId });
    }
    await patchRecord(org.admin, `/api/v1/opportunities/${deal.id}`, { name: 'Renamed, same stage' });
    const kase = (await org.admin.post('/api/v1/cases', { subject: 'Broken' })).body as { id: string };
    for (const status of ['open', 'resolved', 'closed', 'open', 'closed']) {
      await patchRecord(org.admin, `/api/v1/cases/${kase.id}`, { status });
    }

    const live = await stageStays(knex, org.orgId, deal.id);
    expect(live.map((stay) => stay.stage_id)).toEqual([lead, proposal, lead, proposal, won]);
    expect(live.map((stay) => stay.left_at?.getTime() ?? null)).toEqual([
      ...live.slice(1).map((next) => next.entered_at.getTime()),
      null,
    ]);
    const liveStatuses = await statusStays(knex, org.orgId, kase.id);
    expect(liveStatuses.map((stay) => [stay.status, stay.resolves])).toEqual([
      ['new', false],
      ['open', false],
      ['resolved', true],
      ['closed', false],
      ['open', false],
      ['closed', true],
    ]);

    // A deal written straight into the table, as an import before this history existed: no audit.
    const [silent] = (await knex('opportunities')
      .insert({
        org_id: org.orgId,
        id: '01900000-0000-7000-8000-000000000001',
        name: 'Silent',
        stage_id: proposal,
        status: 'open',
        probability: 50,
        created_at: '2026-01-05T10:00:00Z',
      })
      .returning('id')) as { id: string }[];

    await knex.raw('DROP TABLE case_status_history');
    await knex.raw('DROP TABLE opportunity_stage_history');
    const migration = await migrationSource.getMigration('20261204000000_stage_and_status_history');
    await migration.up(knex);

    expect(await stageStays(knex, org.orgId, deal.id)).toEqual(live);
    expect(await statusStays(knex, org.orgId, kase.id)).toEqual(liveStatuses);
    expect(await stageStays(knex, org.orgId, silent!.id)).toEqual([
      { stage_id: proposal, entered_at: new Date('2026-01-05T10:00:00Z'), left_at: null },
    ]);
  });
});
