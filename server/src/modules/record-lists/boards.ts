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
import { listPage } from './service.js';

type Amounts = { currency: string; amountMinor: number }[];

/** The amounts of the deals the board shows, summed per stage and currency. */
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

/**
 * The pipeline: a column per stage in the pipeline's order, each its first deals by close date,
 * their count and their amounts per currency.
 */
export async function opportunityBoard(
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
