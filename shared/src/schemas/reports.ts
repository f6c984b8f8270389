import { Type, type Static, type TProperties, type TSchema, type TString } from 'typebox';
import { CasePriority } from './cases.js';
import { IsoDate, IsoDateTime, Nullable, strict, TimeZone, UserRef, Uuid } from './common.js';
import { StageKind } from './organisation.js';
import { REPORT_NAMES, type ReportName } from '../domain/report-names.js';

// The standard reports (GET /api/v1/reports/{name}): exact aggregates over the live records, for
// the people the caller may report on — an admin the organisation, a manager their team, a member
// themselves. Money is always per currency: no report adds amounts in different currencies.

export { REPORT_NAMES, type ReportName };

/** A string schema (an id, a date, a zone) with a description of what it filters. */
const described = (schema: TString, description: string) => Type.String({ ...schema, description });

const oneOrMore = <T extends TSchema>(item: T, max: number) =>
  Type.Union([item, Type.Array(item, { minItems: 1, maxItems: max })]);

/** Whose work and which period every report can be narrowed to. */
const ScopeFilters = {
  ownerId: Type.Optional(described(Uuid, 'one person: their records and their activity')),
  teamId: Type.Optional(described(Uuid, 'the people of one team')),
  accountId: Type.Optional(described(Uuid, 'one account')),
  timeZone: Type.Optional(
    described(TimeZone, 'the zone whose weeks and months the report counts in; by default the caller’s own'),
  ),
};
const Period = {
  from: Type.Optional(described(IsoDate, 'the first day counted (inclusive)')),
  to: Type.Optional(described(IsoDate, 'the last day counted (inclusive)')),
};
const reportQuery = <F extends TProperties>(filters: F) =>
  Type.Object({ ...ScopeFilters, ...Period, ...filters }, strict);

export const PipelineReportQuery = reportQuery({
  stageId: Type.Optional(oneOrMore(Uuid, 50)),
  status: Type.Optional(oneOrMore(StageKind, 3)),
});
export type PipelineReportQuery = Static<typeof PipelineReportQuery>;
export const ForecastReportQuery = reportQuery({});
export type ForecastReportQuery = Static<typeof ForecastReportQuery>;
export const WinRateReportQuery = reportQuery({});
export type WinRateReportQuery = Static<typeof WinRateReportQuery>;
export const ActivityReportQuery = reportQuery({});
export type ActivityReportQuery = Static<typeof ActivityReportQuery>;
export const GoingColdReportQuery = Type.Object(
  {
    ...ScopeFilters,
    days: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 3650, description: 'untouched for this many days' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  strict,
);
export type GoingColdReportQuery = Static<typeof GoingColdReportQuery>;
export const CaseReportQuery = reportQuery({ priority: Type.Optional(oneOrMore(CasePriority, 4)) });
export type CaseReportQuery = Static<typeof CaseReportQuery>;
export const CorrespondenceReportQuery = reportQuery({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'accounts, most mail first' })),
});
export type CorrespondenceReportQuery = Static<typeof CorrespondenceReportQuery>;

/**
 * What a report covered: the days (in `timeZone`; null for a picture of now, such as the open
 * pipeline without a close-date period) and the people, as the server understood the filters.
 */
export const ReportRange = Type.Object({
  from: Nullable(IsoDate),
  to: Nullable(IsoDate),
  timeZone: Type.String(),
  people: Type.Union([Type.Literal('organisation'), Type.Literal('team'), Type.Literal('person')]),
});
export type ReportRange = Static<typeof ReportRange>;

const Count = Type.Integer({ minimum: 0 });
const Minor = Type.Integer({ description: 'in the currency’s minor unit (cents)' });
/** A month as YYYY-MM, a week as the date of its Monday. */
const Month = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' });

export const CurrencyAmounts = Type.Object({
  currency: Type.String(),
  deals: Count,
  amountMinor: Minor,
  weightedMinor: Type.Integer({
    description: 'the sum of each deal’s amount times its probability, rounded',
  }),
});
export type CurrencyAmounts = Static<typeof CurrencyAmounts>;

export const PipelineReport = Type.Object({
  range: ReportRange,
  stages: Type.Array(
    Type.Object({
      stageId: Uuid,
      name: Type.String(),
      kind: StageKind,
      deals: Count,
      amounts: Type.Array(CurrencyAmounts),
      unpricedDeals: Type.Integer({ minimum: 0, description: 'deals without an amount' }),
    }),
  ),
  totals: Type.Array(CurrencyAmounts),
  unpricedDeals: Count,
});
export type PipelineReport = Static<typeof PipelineReport>;

export const ForecastReport = Type.Object({
  range: ReportRange,
  months: Type.Array(Month),
  series: Type.Array(
    Type.Object({
      currency: Type.String(),
      months: Type.Array(
        Type.Object({
          month: Month,
          openDeals: Count,
          openMinor: Minor,
          weightedMinor: Minor,
          wonDeals: Count,
          wonMinor: Minor,
        }),
      ),
    }),
  ),
  undatedOpenDeals: Type.Integer({ minimum: 0, description: 'open deals without a close date' }),
  unpricedOpenDeals: Type.Integer({ minimum: 0, description: 'open deals in the period without an amount' }),
});
export type ForecastReport = Static<typeof ForecastReport>;

const WonLost = {
  won: Count,
  lost: Count,
  winRate: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'won / (won + lost)' })),
};
export const WinRateReport = Type.Object({
  range: ReportRange,
  totals: Type.Object(WonLost),
  byOwner: Type.Array(Type.Object({ owner: Nullable(UserRef), ...WonLost })),
  byMonth: Type.Array(Type.Object({ month: Month, ...WonLost })),
  salesCycle: Type.Object({
    wonDeals: Count,
    medianDays: Nullable(Type.Number({ description: 'from creation to won' })),
  }),
  timeInStage: Type.Array(
    Type.Object({
      stageId: Uuid,
      name: Type.String(),
      deals: Count,
      medianDays: Nullable(Type.Number()),
    }),
  ),
});
export type WinRateReport = Static<typeof WinRateReport>;

const ACTIVITY_COUNTS = { emails: Count, calls: Count, meetings: Count, notes: Count };
export const ActivityCounts = Type.Object(ACTIVITY_COUNTS);
export type ActivityCounts = Static<typeof ActivityCounts>;
export const ActivityReport = Type.Object({
  range: ReportRange,
  weeks: Type.Array(IsoDate),
  people: Type.Array(
    Type.Object({
      person: UserRef,
      totals: ActivityCounts,
      weeks: Type.Array(Type.Object({ week: IsoDate, ...ACTIVITY_COUNTS })),
    }),
  ),
});
export type ActivityReport = Static<typeof ActivityReport>;

export const GoingColdReport = Type.Object({
  days: Type.Integer(),
  accounts: Type.Array(
    Type.Object({
      accountId: Uuid,
      name: Type.String(),
      owner: Nullable(UserRef),
      lastTouchAt: Nullable(IsoDateTime),
      openDeals: Count,
      largestOpenDeal: Nullable(Type.Object({ currency: Type.String(), amountMinor: Minor })),
    }),
  ),
  more: Type.Boolean({ description: 'more accounts are cold than listed' }),
});
export type GoingColdReport = Static<typeof GoingColdReport>;

export const CASE_AGE_BUCKETS = ['day', 'week', 'month', 'quarter', 'older'] as const;
export type CaseAgeBucket = (typeof CASE_AGE_BUCKETS)[number];
export const CaseReport = Type.Object({
  range: ReportRange,
  weeks: Type.Array(Type.Object({ week: IsoDate, opened: Count, resolved: Count })),
  today: Type.String({
    format: 'date',
    description: "the day the open cases' ages count back from, in the report's time zone",
  }),
  openByAge: Type.Array(
    Type.Object({
      age: Type.Enum(CASE_AGE_BUCKETS, {
        description: 'opened today, 1–7 days ago, 8–30, 31–90 or earlier (days in the report time zone)',
      }),
      priority: CasePriority,
      cases: Count,
    }),
  ),
  firstResponse: Type.Object({
    answered: Count,
    unanswered: Count,
    medianHours: Nullable(Type.Number()),
  }),
  resolution: Type.Object({ resolved: Count, medianHours: Nullable(Type.Number()) }),
});
export type CaseReport = Static<typeof CaseReport>;

export const CorrespondenceReport = Type.Object({
  range: ReportRange,
  months: Type.Array(Month),
  accounts: Type.Array(
    Type.Object({
      accountId: Uuid,
      name: Type.String(),
      emails: Count,
      months: Type.Array(Type.Object({ month: Month, emails: Count })),
      writers: Type.Array(Type.Object({ person: UserRef, emails: Count }), {
        description: 'our people who wrote to the account, most first',
      }),
    }),
  ),
});
export type CorrespondenceReport = Static<typeof CorrespondenceReport>;

/** Each report's query and answer, by name. */
export interface Reports {
  pipeline: { query: PipelineReportQuery; report: PipelineReport };
  forecast: { query: ForecastReportQuery; report: ForecastReport };
  'win-rate': { query: WinRateReportQuery; report: WinRateReport };
  activity: { query: ActivityReportQuery; report: ActivityReport };
  'going-cold': { query: GoingColdReportQuery; report: GoingColdReport };
  cases: { query: CaseReportQuery; report: CaseReport };
  correspondence: { query: CorrespondenceReportQuery; report: CorrespondenceReport };
}

export const REPORT_SCHEMAS = {
  pipeline: { query: PipelineReportQuery, report: PipelineReport },
  forecast: { query: ForecastReportQuery, report: ForecastReport },
  'win-rate': { query: WinRateReportQuery, report: WinRateReport },
  activity: { query: ActivityReportQuery, report: ActivityReport },
  'going-cold': { query: GoingColdReportQuery, report: GoingColdReport },
  cases: { query: CaseReportQuery, report: CaseReport },
  correspondence: { query: CorrespondenceReportQuery, report: CorrespondenceReport },
} as const satisfies Record<ReportName, { query: TSchema; report: TSchema }>;

/** One line of context on an account for the pane: its open pipeline, open cases and last touch. */
export const AccountSummary = Type.Object({
  accountId: Uuid,
  openDeals: Count,
  openPipeline: Type.Array(Type.Object({ currency: Type.String(), deals: Count, amountMinor: Minor }), {
    description: 'the open deals with an amount, per currency',
  }),
  openCases: Count,
  lastTouchAt: Nullable(
    Type.String({
      format: 'date-time',
      description: 'the latest activity on the account the caller may see, up to now',
    }),
  ),
});
export type AccountSummary = Static<typeof AccountSummary>;

/** A person's home dashboard: the reports shown as tiles, in order. */
export const Dashboard = Type.Object({
  tiles: Type.Array(Type.Enum(REPORT_NAMES)),
  custom: Type.Boolean({
    description: 'false: the role’s default tiles, until the person chooses their own',
  }),
});
export type Dashboard = Static<typeof Dashboard>;

export const DashboardUpdate = Type.Object(
  {
    tiles: Nullable(
      Type.Array(Type.Enum(REPORT_NAMES), {
        maxItems: REPORT_NAMES.length,
        uniqueItems: true,
        description:
          'the reports to pin, in order (none leaves the dashboard empty); null: the role’s default',
      }),
    ),
  },
  strict,
);
export type DashboardUpdate = Static<typeof DashboardUpdate>;
