import type { WinRateReport, WinRateReportQuery } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { userNames, userRef } from '../users/index.js';
import { monthsOf, periodOf, type Period } from './period.js';
import { rangeOf } from './range.js';
import { allOf, median, ofAccount, ownedBy, type Fragment } from './report-sql.js';
import type { ReportScope } from './scope.js';

interface ClosedRow {
  owner_id: string | null;
  status: 'won' | 'lost';
  month: string;
  deals: number;
}

type WonLost = { won: number; lost: number; winRate: number | null };

const rateOf = (won: number, lost: number): WonLost => ({
  won,
  lost,
  winRate: won + lost === 0 ? null : Math.round((won / (won + lost)) * 1000) / 1000,
});

/** Deals closed (won or lost) in the period, by when they entered the stage that closed them. */
const CLOSED = `FROM opportunities o
  JOIN opportunity_stage_history h ON h.org_id = o.org_id AND h.opportunity_id = o.id AND h.left_at IS NULL
  WHERE o.org_id = ? AND o.deleted_at IS NULL AND h.entered_at >= ? AND h.entered_at < ?`;

function closedBindings(scope: ReportScope, period: Period, deals: Fragment): Fragment['bindings'] {
  return [scope.orgId, period.start, period.end, ...deals.bindings];
}

async function closedDeals(db: Db, scope: ReportScope, period: Period, deals: Fragment) {
  const { rows } = (await db.raw(
    `SELECT o.owner_id, o.status, to_char(h.entered_at AT TIME ZONE ?, 'YYYY-MM') AS month, count(*) AS deals
     ${CLOSED} AND o.status IN ('won', 'lost') AND ${deals.sql}
     GROUP BY 1, 2, 3`,
    [scope.timeZone, ...closedBindings(scope, period, deals)],
  )) as { rows: ClosedRow[] };
  return rows;
}

async function salesCycle(db: Db, scope: ReportScope, period: Period, deals: Fragment) {
  const { rows } = (await db.raw(
    `SELECT count(*) AS deals, ${median('h.entered_at - o.created_at', 'days')} AS median_days
     ${CLOSED} AND o.status = 'won' AND ${deals.sql}`,
    closedBindings(scope, period, deals),
  )) as { rows: { deals: number; median_days: number | null }[] };
  return { wonDeals: rows[0]?.deals ?? 0, medianDays: rows[0]?.median_days ?? null };
}

/**
 * Each open stage: the median, over the deals that left it in the period, of the time a deal spent
 * in it — all its stays added up, so a deal that moved back and came again counts once, in full.
 */
async function timeInStage(db: Db, scope: ReportScope, period: Period, deals: Fragment) {
  const { rows } = (await db.raw(
    `SELECT s.id AS stage_id, s.name, count(t.opportunity_id) AS deals, ${median('t.spent', 'days')} AS median_days
     FROM pipeline_stages s
     LEFT JOIN (
       SELECT h.opportunity_id, h.stage_id, sum(h.left_at - h.entered_at) AS spent
       FROM opportunity_stage_history h
       JOIN opportunities o ON o.org_id = h.org_id AND o.id = h.opportunity_id
       WHERE h.org_id = ? AND h.left_at >= ? AND h.left_at < ? AND o.deleted_at IS NULL AND ${deals.sql}
       GROUP BY 1, 2
     ) t ON t.stage_id = s.id
     WHERE s.org_id = ? AND s.kind = 'open'
     GROUP BY s.id, s.name, s.position
     ORDER BY s.position`,
    [scope.orgId, period.start, period.end, ...deals.bindings, scope.orgId],
  )) as { rows: { stage_id: string; name: string; deals: number; median_days: number | null }[] };
  return rows.map((row) => ({
    stageId: row.stage_id,
    name: row.name,
    deals: row.deals,
    medianDays: row.median_days,
  }));
}

/**
 * Win rate and sales cycle over the deals closed in the period (by default the last twelve
 * months): won / (won + lost) by owner and by month, the median days from creation to won, and
 * the time deals spend in each open stage.
 */
export async function winRateReport(
  db: Db,
  scope: ReportScope,
  query: WinRateReportQuery,
): Promise<WinRateReport> {
  const period = periodOf(query, scope.timeZone, (today) => ({
    from: today.minus({ months: 11 }).startOf('month'),
    to: today,
  }));
  const deals = allOf(ownedBy(scope, 'o.owner_id'), ofAccount(scope, 'o.account_id'));
  const closed = await closedDeals(db, scope, period, deals);
  const names = await userNames(db, scope.orgId);

  const tally = <K>(key: (row: ClosedRow) => K) => {
    const counts = new Map<K, { won: number; lost: number }>();
    for (const row of closed) {
      const count = counts.get(key(row)) ?? { won: 0, lost: 0 };
      count[row.status] += row.deals;
      counts.set(key(row), count);
    }
    return counts;
  };
  const byMonth = tally((row) => row.month);
  const totals = [...byMonth.values()].reduce(
    (sum, count) => ({ won: sum.won + count.won, lost: sum.lost + count.lost }),
    { won: 0, lost: 0 },
  );
  return {
    range: rangeOf(scope, period),
    totals: rateOf(totals.won, totals.lost),
    byOwner: [...tally((row) => row.owner_id).entries()]
      .map(([ownerId, count]) => ({ owner: userRef(names, ownerId), ...rateOf(count.won, count.lost) }))
      .sort(
        (a, b) =>
          b.won + b.lost - (a.won + a.lost) || (a.owner?.name ?? '').localeCompare(b.owner?.name ?? ''),
      ),
    byMonth: monthsOf(period).map((month) => {
      const count = byMonth.get(month) ?? { won: 0, lost: 0 };
      return { month, ...rateOf(count.won, count.lost) };
    }),
    salesCycle: await salesCycle(db, scope, period, deals),
    timeInStage: await timeInStage(db, scope, period, deals),
  };
}
