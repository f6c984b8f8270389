import { LIST_COUNT_CAP, type ListCount, type OpportunityBoardQuery } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { whereOwnedBy } from './list-definition.js';

export type Amounts = { currency: string; amountMinor: number }[];

/** A pipeline column's count and its amounts per currency. */
export interface StageTotal {
  total: ListCount;
  amounts: Amounts;
}

/**
 * Whether the running totals answer a board query: they know each deal's stage, owner and
 * currency, nothing more, so any other filter (a search, an account, close dates) needs the deals.
 */
export const totalsAnswer = (query: OpportunityBoardQuery): boolean =>
  Object.entries(query).every(([filter, value]) => filter === 'owner' || value === undefined);

/** The count is capped as a list's is, so a column says the same as the list filtered to it. */
const cappedCount = (deals: number): ListCount => ({
  value: Math.min(deals, LIST_COUNT_CAP),
  capped: deals > LIST_COUNT_CAP,
});

/**
 * Each stage's count and amounts from the running totals (opportunity_stage_totals, kept by a
 * trigger): for the organisation, one owner or a team, a sum over a few rows per owner and stage.
 */
export async function stageTotals(
  db: Db,
  actor: Actor,
  query: OpportunityBoardQuery,
): Promise<Map<string, StageTotal>> {
  const builder = db('opportunity_stage_totals as t').where('t.org_id', actor.orgId);
  whereOwnedBy(db, builder, 't.owner_id', query.owner, actor);
  const rows = (await builder
    .groupBy('t.stage_id', 't.currency')
    .havingRaw('sum(t.deals) > 0')
    .orderBy('t.currency')
    .select(
      't.stage_id',
      't.currency',
      db.raw('sum(t.deals)::bigint AS deals'),
      db.raw('sum(t.amount_minor)::bigint AS amount'),
    )) as { stage_id: string; currency: string | null; deals: number | string; amount: number | string }[];
  const deals = new Map<string, number>();
  const amounts = new Map<string, Amounts>();
  for (const row of rows) {
    deals.set(row.stage_id, (deals.get(row.stage_id) ?? 0) + Number(row.deals));
    // Deals without an amount count in the column but add to no currency.
    if (row.currency === null) continue;
    const stageAmounts = amounts.get(row.stage_id) ?? [];
    stageAmounts.push({ currency: row.currency, amountMinor: Number(row.amount) });
    amounts.set(row.stage_id, stageAmounts);
  }
  const totals = new Map<string, StageTotal>();
  for (const [stageId, count] of deals) {
    totals.set(stageId, { total: cappedCount(count), amounts: amounts.get(stageId) ?? [] });
  }
  return totals;
}
