import type { CurrencyAmounts, PipelineReport, PipelineReportQuery, StageKind } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { optionalDays } from './period.js';
import { rangeOf } from './range.js';
import { allOf, asList, type Fragment, ofAccount, ownedBy } from './report-sql.js';
import type { ReportScope } from './scope.js';

interface StageRow {
  stage_id: string;
  name: string;
  kind: StageKind;
  currency: string | null;
  deals: number;
  amount_minor: number;
  weighted_minor: number;
}

/** Deals whose expected close date falls in the days asked for, if any. */
function closingIn(days: { from: string | null; to: string | null }): Fragment {
  const bounds = [
    ...(days.from ? [{ sql: 'o.close_date >= ?::date', bindings: [days.from] }] : []),
    ...(days.to ? [{ sql: 'o.close_date <= ?::date', bindings: [days.to] }] : []),
  ];
  return bounds.length ? allOf(...bounds) : { sql: 'true', bindings: [] };
}

/** The amounts of each currency added up, never across currencies. */
function totalsOf(amounts: CurrencyAmounts[]): CurrencyAmounts[] {
  const totals = new Map<string, CurrencyAmounts>();
  for (const amount of amounts) {
    const total = totals.get(amount.currency) ?? {
      currency: amount.currency,
      deals: 0,
      amountMinor: 0,
      weightedMinor: 0,
    };
    total.deals += amount.deals;
    total.amountMinor += amount.amountMinor;
    total.weightedMinor += amount.weightedMinor;
    totals.set(amount.currency, total);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * Pipeline by stage: each stage's live deals (of the statuses asked for, open by default), their
 * amounts per currency and the amounts weighted by each deal's probability.
 */
export async function pipelineReport(
  db: Db,
  scope: ReportScope,
  query: PipelineReportQuery,
): Promise<PipelineReport> {
  const days = optionalDays(query);
  const stageIds = asList(query.stageId);
  const deals = allOf(ownedBy(scope, 'o.owner_id'), ofAccount(scope, 'o.account_id'), closingIn(days));
  const { rows } = (await db.raw(
    `SELECT s.id AS stage_id, s.name, s.kind, o.currency,
            count(o.id) AS deals,
            coalesce(sum(o.amount_minor), 0)::bigint AS amount_minor,
            coalesce(round(sum(o.amount_minor * o.probability) / 100.0), 0)::bigint AS weighted_minor
     FROM pipeline_stages s
     LEFT JOIN opportunities o
       ON o.org_id = s.org_id AND o.stage_id = s.id AND o.deleted_at IS NULL AND ${deals.sql}
     WHERE s.org_id = ? AND s.kind = ANY(?::text[]) ${stageIds ? 'AND s.id = ANY(?::uuid[])' : ''}
     GROUP BY s.id, s.name, s.kind, s.position, o.currency
     ORDER BY s.position, o.currency`,
    [...deals.bindings, scope.orgId, asList(query.status) ?? ['open'], ...(stageIds ? [stageIds] : [])],
  )) as { rows: StageRow[] };

  const stages: PipelineReport['stages'] = [];
  for (const row of rows) {
    let stage = stages.at(-1);
    if (stage?.stageId !== row.stage_id) {
      stage = {
        stageId: row.stage_id,
        name: row.name,
        kind: row.kind,
        deals: 0,
        amounts: [],
        unpricedDeals: 0,
      };
      stages.push(stage);
    }
    stage.deals += row.deals;
    if (row.currency === null) stage.unpricedDeals += row.deals;
    else {
      stage.amounts.push({
        currency: row.currency,
        deals: row.deals,
        amountMinor: row.amount_minor,
        weightedMinor: row.weighted_minor,
      });
    }
  }
  return {
    range: rangeOf(scope, days),
    stages,
    totals: totalsOf(stages.flatMap((stage) => stage.amounts)),
    unpricedDeals: stages.reduce((sum, stage) => sum + stage.unpricedDeals, 0),
  };
}
