import type { OpportunityListRow, OpportunityListViewQuery, StageKind } from '@inbox-crm/shared';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import { whereSearchMatches } from '../../db/search.js';
import { userNames, userRef } from '../users/index.js';
import { whereInTeam, whereOnDays } from './list-periods.js';
import {
  asList,
  namedRef,
  organisationRows,
  whereOwnedBy,
  type ListDefinition,
  metaColumns,
  type SelectedRow,
} from './list-definition.js';

interface Selected extends RecordMetaRow {
  name: string;
  account_id: string | null;
  account_name: string | null;
  stage_id: string;
  stage_name: string;
  status: StageKind;
  amount_minor: number | null;
  currency: string | null;
  close_date: string | null;
  probability: number;
  owner_id: string | null;
}

export const opportunityList: ListDefinition<OpportunityListViewQuery, OpportunityListRow> = {
  alias: 'o',
  sorts: {
    closeDate: { sql: 'o.close_date', cast: 'date', nullable: true },
    amount: { sql: 'o.amount_minor', cast: 'bigint', nullable: true },
    name: { sql: 'lower(o.name)', cast: 'text', nullable: false },
    updatedAt: { sql: 'o.updated_at', cast: 'timestamptz', nullable: false },
  },
  matching(db, actor, query) {
    const builder = organisationRows(db, 'opportunities', 'o', actor, query.deleted);
    whereOwnedBy(db, builder, 'o.owner_id', query.owner, actor);
    if (query.accountId) builder.where('o.account_id', query.accountId);
    if (query.stageId) builder.whereIn('o.stage_id', asList(query.stageId));
    if (query.status) builder.whereIn('o.status', asList(query.status));
    if (query.closeFrom) builder.where('o.close_date', '>=', query.closeFrom);
    if (query.closeTo) builder.where('o.close_date', '<=', query.closeTo);
    whereInTeam(db, builder, 'o.owner_id', query.teamId, actor);
    if (query.closedFrom || query.closedTo) {
      const days = { from: query.closedFrom, to: query.closedTo, timeZone: query.timeZone };
      builder.whereIn('o.status', ['won', 'lost']).whereExists((closing) => {
        closing
          .select(db.raw('1'))
          .from('opportunity_stage_history as h')
          .whereRaw('h.org_id = o.org_id AND h.opportunity_id = o.id AND h.left_at IS NULL');
        whereOnDays(closing, 'h.entered_at', days, actor);
      });
    }
    if (query.leftStageId) {
      const days = { from: query.leftFrom, to: query.leftTo, timeZone: query.timeZone };
      builder.whereExists((leaving) => {
        leaving
          .select(db.raw('1'))
          .from('opportunity_stage_time as t')
          .whereRaw('t.org_id = o.org_id AND t.opportunity_id = o.id AND t.stage_id = ?', [
            query.leftStageId!,
          ]);
        whereOnDays(leaving, 't.last_left_at', days, actor);
      });
    }
    whereSearchMatches(builder, 'o.search_vector', query.q);
    return builder;
  },
  select(_db, builder) {
    builder
      .leftJoin('accounts as oa', (join) => join.on('oa.org_id', 'o.org_id').andOn('oa.id', 'o.account_id'))
      .join('pipeline_stages as os', (join) => join.on('os.org_id', 'o.org_id').andOn('os.id', 'o.stage_id'))
      .select(
        ...metaColumns('o'),
        'o.name',
        'o.account_id',
        'oa.name as account_name',
        'o.stage_id',
        'os.name as stage_name',
        'o.status',
        'o.amount_minor',
        'o.currency',
        'o.close_date',
        'o.probability',
        'o.owner_id',
      );
  },
  async toRows(db, actor, rows: SelectedRow[]) {
    const names = await userNames(db, actor.orgId);
    return (rows as unknown as Selected[]).map((row) => ({
      ...recordMeta(row),
      name: row.name,
      account: namedRef(row.account_id, row.account_name),
      stage: { id: row.stage_id, name: row.stage_name },
      status: row.status,
      amountMinor: row.amount_minor,
      currency: row.currency,
      closeDate: row.close_date,
      probability: row.probability,
      owner: userRef(names, row.owner_id),
    }));
  },
};
