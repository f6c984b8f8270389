import {
  BOARD_COLUMN_SIZE,
  CASE_STATUS_NAMES,
  type CaseBoard,
  type CaseBoardQuery,
  type CaseStatus,
  type OpportunityBoard,
  type OpportunityBoardQuery,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { listStages } from '../organisation/index.js';
import { opportunityList } from './opportunity-list.js';
import { listPage, listPageUncounted } from './service.js';
import { stageTotals, totalsAnswer, type Amounts } from './stage-totals.js';

/** The amounts of the deals the board shows, summed per stage and currency from the deals themselves. */
async function amountsByStage(
  db: Db,
  actor: Actor,
  query: OpportunityBoardQuery,
): Promise<Map<string, Amounts>> {
  const rows = (await opportunityList
    .matching(db, actor, query)
    .whereNotNull('o.currency')
    .groupBy('o.stage_id', 'o.currency')
    .orderBy('o.currency')
    .select('o.stage_id', 'o.currency', db.raw('sum(o.amount_minor)::bigint AS amount'))) as {
    stage_id: string;
    currency: string;
    amount: number | string;
  }[];
  const byStage = new Map<string, Amounts>();
  for (const row of rows) {
    const amounts = byStage.get(row.stage_id) ?? [];
    amounts.push({ currency: row.currency, amountMinor: Number(row.amount) });
    byStage.set(row.stage_id, amounts);
  }
  return byStage;
}

/** Columns counted and summed from the running totals: each column's page needs no count of its own. */
async function columnsFromTotals(
  db: Db,
  actor: Actor,
  query: OpportunityBoardQuery,
): Promise<OpportunityBoard> {
  const [stages, totals] = await Promise.all([listStages(db, actor.orgId), stageTotals(db, actor, query)]);
  const columns = await Promise.all(
    stages.map(async (stage) => {
      const page = await listPageUncounted(db, actor, 'opportunities', {
        ...query,
        stageId: stage.id,
        limit: BOARD_COLUMN_SIZE,
      });
      const { total, amounts } = totals.get(stage.id) ?? { total: { value: 0, capped: false }, amounts: [] };
      return { id: stage.id, name: stage.name, total, amounts, ...page };
    }),
  );
  return { columns };
}

/** Columns counted and summed over the deals that match filters the running totals do not know. */
async function columnsFromDeals(
  db: Db,
  actor: Actor,
  query: OpportunityBoardQuery,
): Promise<OpportunityBoard> {
  const [stages, amounts] = await Promise.all([
    listStages(db, actor.orgId),
    amountsByStage(db, actor, query),
  ]);
  const columns = await Promise.all(
    stages.map(async (stage) => {
      const page = await listPage(db, actor, 'opportunities', {
        ...query,
        stageId: stage.id,
        limit: BOARD_COLUMN_SIZE,
      });
      return { id: stage.id, name: stage.name, amounts: amounts.get(stage.id) ?? [], ...page };
    }),
  );
  return { columns };
}

/**
 * The pipeline: a column per stage in the pipeline's order, each its first deals by close date,
 * their count and their amounts per currency.
 */
export async function opportunityBoard(
  db: Db,
  actor: Actor,
  query: OpportunityBoardQuery,
): Promise<OpportunityBoard> {
  return totalsAnswer(query) ? columnsFromTotals(db, actor, query) : columnsFromDeals(db, actor, query);
}

/** The service queue: a column per case status, the most urgent cases first. */
export async function caseBoard(db: Db, actor: Actor, query: CaseBoardQuery): Promise<CaseBoard> {
  const statuses = Object.keys(CASE_STATUS_NAMES) as CaseStatus[];
  const columns = await Promise.all(
    statuses.map(async (status) => {
      const page = await listPage(db, actor, 'cases', {
        ...query,
        status,
        sort: '-priority',
        limit: BOARD_COLUMN_SIZE,
      });
      return { id: status, name: CASE_STATUS_NAMES[status], amounts: [], ...page };
    }),
  );
  return { columns };
}
