import type { ForecastReport, ForecastReportQuery } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { monthsOf, periodOf, wholeMonths } from './period.js';
import { rangeOf } from './range.js';
import { allOf, ofAccount, ownedBy } from './report-sql.js';
import type { ReportScope } from './scope.js';

interface MonthRow {
  month: string;
  currency: string | null;
  deals: number;
  amount_minor: number;
  weighted_minor: number;
}

type MonthFigures = ForecastReport['series'][number]['months'][number];

/**
 * Forecast: open deals by expected close month (their amounts and the amounts weighted by
 * probability), against the deals won in the same months (by when they were won, in the report's
 * zone), per currency. The period is whole months, by default this one and the five after.
 */
export async function forecastReport(
  db: Db,
  scope: ReportScope,
  query: ForecastReportQuery,
): Promise<ForecastReport> {
  const period = wholeMonths(
    periodOf(query, scope.timeZone, (today) => ({ from: today, to: today.plus({ months: 5 }) })),
  );
  const deals = allOf(ownedBy(scope, 'o.owner_id'), ofAccount(scope, 'o.account_id'));
  const open = (await db.raw(
    `SELECT to_char(o.close_date, 'YYYY-MM') AS month, o.currency, count(*) AS deals,
            coalesce(sum(o.amount_minor), 0)::bigint AS amount_minor,
            coalesce(round(sum(o.amount_minor * o.probability) / 100.0), 0)::bigint AS weighted_minor
     FROM opportunities o
     WHERE o.org_id = ? AND o.deleted_at IS NULL AND o.status = 'open'
       AND o.close_date BETWEEN ?::date AND ?::date AND ${deals.sql}
     GROUP BY 1, 2`,
    [scope.orgId, period.from, period.to, ...deals.bindings],
  )) as { rows: MonthRow[] };
  const won = (await db.raw(
    `SELECT to_char(h.entered_at AT TIME ZONE ?, 'YYYY-MM') AS month, o.currency, count(*) AS deals,
            sum(o.amount_minor)::bigint AS amount_minor, 0 AS weighted_minor
     FROM opportunities o
     JOIN opportunity_stage_history h
       ON h.org_id = o.org_id AND h.opportunity_id = o.id AND h.left_at IS NULL
     WHERE o.org_id = ? AND o.deleted_at IS NULL AND o.status = 'won' AND o.currency IS NOT NULL
       AND h.entered_at >= ? AND h.entered_at < ? AND ${deals.sql}
     GROUP BY 1, 2`,
    [scope.timeZone, scope.orgId, period.start, period.end, ...deals.bindings],
  )) as { rows: MonthRow[] };
  const undated = (await db.raw(
    `SELECT count(*) AS deals FROM opportunities o
     WHERE o.org_id = ? AND o.deleted_at IS NULL AND o.status = 'open' AND o.close_date IS NULL AND ${deals.sql}`,
    [scope.orgId, ...deals.bindings],
  )) as { rows: { deals: number }[] };

  const months = monthsOf(period);
  const series = new Map<string, Map<string, MonthFigures>>();
  const figures = (currency: string, month: string): MonthFigures => {
    const ofCurrency =
      series.get(currency) ??
      new Map(
        months.map((m) => [
          m,
          { month: m, openDeals: 0, openMinor: 0, weightedMinor: 0, wonDeals: 0, wonMinor: 0 },
        ]),
      );
    series.set(currency, ofCurrency);
    return ofCurrency.get(month)!;
  };
  let unpricedOpenDeals = 0;
  for (const row of open.rows) {
    if (row.currency === null) {
      unpricedOpenDeals += row.deals;
      continue;
    }
    Object.assign(figures(row.currency, row.month), {
      openDeals: row.deals,
      openMinor: row.amount_minor,
      weightedMinor: row.weighted_minor,
    });
  }
  for (const row of won.rows) {
    Object.assign(figures(row.currency!, row.month), { wonDeals: row.deals, wonMinor: row.amount_minor });
  }
  return {
    range: rangeOf(scope, period),
    months,
    series: [...series.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, byMonth]) => ({ currency, months: [...byMonth.values()] })),
    undatedOpenDeals: undated.rows[0]?.deals ?? 0,
    unpricedOpenDeals,
  };
}
