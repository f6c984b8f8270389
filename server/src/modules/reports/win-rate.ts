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

/** A count of closed deals, or (`month` null) the one row that holds the sales cycle. */
type ClosingRow = Omit<ClosedRow, 'month'> & { month: string | null; median_days: number | null };

/**
 * The deals closed (won or lost) in the period, by when they entered the stage that closed them:
 * their counts per owner, status and month, and — in one more row, `month` null — how many were
 * won and the median days from creation to won. One pass over the closed deals gives both.
 */
async function closings(db: Db, scope: ReportScope, period: Period, deals: Fragment) {
  const { rows } = (await db.raw(
    `WITH closed AS MATERIALIZED (
       SELECT o.owner_id, o.status, h.entered_at, o.created_at
       FROM opportunities o
       JOIN opportunity_stage_history h ON h.org_id = o.org_id AND h.opportunity_id = o.id AND h.left_at IS NULL
       WHERE o.org_id = ? AND o.deleted_at IS NULL AND o.status IN ('won', 'lost')
         AND h.entered_at >= ? AND h.entered_at < ? AND ${deals.sql}
     )
     SELECT owner_id, status, to_char(entered_at AT TIME ZONE ?, 'YYYY-MM') AS month, count(*) AS deals,
            NULL::float8 AS median_days
     FROM closed GROUP BY 1, 2, 3
     UNION ALL
     SELECT NULL, 'won', NULL, count(*), ${median('entered_at - created_at', 'days')}
     FROM closed WHERE status = 'won'`,
    [scope.orgId, period.start, period.end, ...deals.bindings, scope.timeZone],
  )) as { rows: ClosingRow[] };
  const cycle = rows.find((row) => row.month === null);
  return {
    closed: rows.filter((row): row is ClosingRow & ClosedRow => row.month !== null),
    salesCycle: { wonDeals: cycle?.deals ?? 0, medianDays: cycle?.median_days ?? null },
  };
}

/**
 * Each open stage: the median, over the deals that last left it in the period, of the time a deal
 * spent in it — all its stays added up (`opportunity_stage_time`, which also knows each deal's
 * owner and account), so a deal that moved back and came again counts once, in full.
 */
async function timeInStage(db: Db, scope: ReportScope, period: Period) {
  const deals = allOf(ownedBy(scope, 't.owner_id'), ofAccount(scope, 't.account_id'));
  const { rows } = (await db.raw(
    `WITH spent AS (
       SELECT t.stage_id, count(*) AS deals,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY t.spent_seconds) / 86400)::numeric, 1)::float8 AS median_days
       FROM opportunity_stage_time t
       WHERE t.org_id = ? AND t.last_left_at >= ? AND t.last_left_at < ? AND NOT t.deleted AND ${deals.sql}
       GROUP BY t.stage_id
     )
     SELECT s.id AS stage_id, s.name, coalesce(spent.deals, 0) AS deals, spent.median_days
     FROM pipeline_stages s
     LEFT JOIN spent ON spent.stage_id = s.id
     WHERE s.org_id = ? AND s.kind = 'open'
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
  const { closed, salesCycle } = await closings(db, scope, period, deals);
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
    salesCycle,
    timeInStage: await timeInStage(db, scope, period),
  };
}
