import type {
  ActivityReport,
  CaseAgeBucket,
  CaseReport,
  CorrespondenceReport,
  ForecastReport,
  GoingColdReport,
  PipelineReport,
  ReportName,
  Reports,
  WinRateReport,
} from '../schemas/reports.js';
import type { CsvCell } from './list-columns.js';
import { majorUnits } from './money.js';
import { PRIORITY_NAMES } from './record-words.js';

/**
 * What a cell holds, so that a reader can format it (the console's table view) while a spreadsheet
 * gets the plain value (CSV): amounts are in the currency's major unit beside a currency column,
 * months YYYY-MM, weeks the date of their Monday, rates a fraction from 0 to 1.
 */
export type ReportCellKind =
  'text' | 'count' | 'amount' | 'currency' | 'month' | 'week' | 'time' | 'rate' | 'number';

export interface ReportColumn {
  label: string;
  kind: ReportCellKind;
}

/** One table of a report: a report's numbers laid out as rows, for its CSV and its table view. */
export interface ReportTable {
  title: string;
  columns: ReportColumn[];
  rows: CsvCell[][];
}

const col = (label: string, kind: ReportCellKind = 'text'): ReportColumn => ({ label, kind });

export const CASE_AGE_NAMES: Record<CaseAgeBucket, string> = {
  day: 'Opened today',
  week: '1–7 days',
  month: '8–30 days',
  quarter: '31–90 days',
  older: 'Over 90 days',
};

function pipelineTables(report: PipelineReport): ReportTable[] {
  return [
    {
      title: 'Pipeline by stage',
      columns: [
        col('Stage'),
        col('Currency', 'currency'),
        col('Deals', 'count'),
        col('Amount', 'amount'),
        col('Weighted amount', 'amount'),
      ],
      rows: report.stages.flatMap((stage) => [
        ...stage.amounts.map((amount) => [
          stage.name,
          amount.currency,
          amount.deals,
          majorUnits(amount.amountMinor, amount.currency),
          majorUnits(amount.weightedMinor, amount.currency),
        ]),
        ...(stage.unpricedDeals > 0 || stage.amounts.length === 0
          ? [[stage.name, null, stage.unpricedDeals, null, null]]
          : []),
      ]),
    },
  ];
}

function forecastTables(report: ForecastReport): ReportTable[] {
  return [
    {
      title: 'Forecast by close month',
      columns: [
        col('Month', 'month'),
        col('Currency', 'currency'),
        col('Open deals', 'count'),
        col('Open amount', 'amount'),
        col('Weighted amount', 'amount'),
        col('Won deals', 'count'),
        col('Won amount', 'amount'),
      ],
      rows: report.series.flatMap((series) =>
        series.months.map((month) => [
          month.month,
          series.currency,
          month.openDeals,
          majorUnits(month.openMinor, series.currency),
          majorUnits(month.weightedMinor, series.currency),
          month.wonDeals,
          majorUnits(month.wonMinor, series.currency),
        ]),
      ),
    },
  ];
}

function winRateTables(report: WinRateReport): ReportTable[] {
  const wonLost = [col('Won', 'count'), col('Lost', 'count'), col('Win rate', 'rate')];
  return [
    {
      title: 'Win rate by owner',
      columns: [col('Owner'), ...wonLost],
      rows: report.byOwner.map((row) => [row.owner?.name ?? 'No owner', row.won, row.lost, row.winRate]),
    },
    {
      title: 'Win rate by month',
      columns: [col('Month', 'month'), ...wonLost],
      rows: report.byMonth.map((row) => [row.month, row.won, row.lost, row.winRate]),
    },
    {
      title: 'Time in stage',
      columns: [col('Stage'), col('Deals', 'count'), col('Median days', 'number')],
      rows: [
        ...report.timeInStage.map((row) => [row.name, row.deals, row.medianDays]),
        ['Sales cycle (created to won)', report.salesCycle.wonDeals, report.salesCycle.medianDays],
      ],
    },
  ];
}

function activityTables(report: ActivityReport): ReportTable[] {
  return [
    {
      title: 'Activity per person per week',
      columns: [
        col('Person'),
        col('Week', 'week'),
        col('Emails filed', 'count'),
        col('Calls', 'count'),
        col('Meetings', 'count'),
        col('Notes', 'count'),
      ],
      rows: report.people.flatMap((person) =>
        person.weeks.map((week) => [
          person.person.name,
          week.week,
          week.emails,
          week.calls,
          week.meetings,
          week.notes,
        ]),
      ),
    },
  ];
}

function goingColdTables(report: GoingColdReport): ReportTable[] {
  return [
    {
      title: `Accounts untouched for ${report.days} days`,
      columns: [
        col('Account'),
        col('Owner'),
        col('Last touch', 'time'),
        col('Open deals', 'count'),
        col('Currency', 'currency'),
        col('Largest open deal', 'amount'),
      ],
      rows: report.accounts.map((account) => [
        account.name,
        account.owner?.name ?? null,
        account.lastTouchAt,
        account.openDeals,
        account.largestOpenDeal?.currency ?? null,
        account.largestOpenDeal
          ? majorUnits(account.largestOpenDeal.amountMinor, account.largestOpenDeal.currency)
          : null,
      ]),
    },
  ];
}

function caseTables(report: CaseReport): ReportTable[] {
  return [
    {
      title: 'Cases opened and resolved per week',
      columns: [col('Week', 'week'), col('Opened', 'count'), col('Resolved', 'count')],
      rows: report.weeks.map((week) => [week.week, week.opened, week.resolved]),
    },
    {
      title: 'Open cases by age and priority',
      columns: [col('Open for'), col('Priority'), col('Cases', 'count')],
      rows: report.openByAge.map((row) => [CASE_AGE_NAMES[row.age], PRIORITY_NAMES[row.priority], row.cases]),
    },
    {
      title: 'Response and resolution',
      columns: [col('Measure'), col('Cases', 'count'), col('Median hours', 'number')],
      rows: [
        ['First response', report.firstResponse.answered, report.firstResponse.medianHours],
        ['Not yet answered', report.firstResponse.unanswered, null],
        ['Resolution', report.resolution.resolved, report.resolution.medianHours],
      ],
    },
  ];
}

function correspondenceTables(report: CorrespondenceReport): ReportTable[] {
  return [
    {
      title: 'Emails per account per month',
      columns: [col('Account'), col('Month', 'month'), col('Emails', 'count')],
      rows: report.accounts.flatMap((account) =>
        account.months.map((month) => [account.name, month.month, month.emails]),
      ),
    },
    {
      title: 'Who writes to each account',
      columns: [col('Account'), col('Person'), col('Emails written', 'count')],
      rows: report.accounts.flatMap((account) =>
        account.writers.map((writer) => [account.name, writer.person.name, writer.emails]),
      ),
    },
  ];
}

const TABLES: { [N in ReportName]: (report: Reports[N]['report']) => ReportTable[] } = {
  pipeline: pipelineTables,
  forecast: forecastTables,
  'win-rate': winRateTables,
  activity: activityTables,
  'going-cold': goingColdTables,
  cases: caseTables,
  correspondence: correspondenceTables,
};

/** A report's numbers as tables: what its CSV holds and its table view shows. */
export function reportTables<N extends ReportName>(name: N, report: Reports[N]['report']): ReportTable[] {
  return TABLES[name](report);
}
