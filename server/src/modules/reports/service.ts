import type { Knex } from 'knex';
import type { ReportName, Reports } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { activityReport } from './activity.js';
import { caseReport } from './cases.js';
import { correspondenceReport } from './correspondence.js';
import { forecastReport } from './forecast.js';
import { goingColdReport } from './going-cold.js';
import { pipelineReport } from './pipeline.js';
import { runReport } from './report-run.js';
import { reportScope, type ReportScope } from './scope.js';
import { winRateReport } from './win-rate.js';

type ReportOf<N extends ReportName> = (
  db: Db,
  scope: ReportScope,
  query: Reports[N]['query'],
) => Promise<Reports[N]['report']>;

const REPORTS: { [N in ReportName]: ReportOf<N> } = {
  pipeline: pipelineReport,
  forecast: forecastReport,
  'win-rate': winRateReport,
  activity: activityReport,
  'going-cold': goingColdReport,
  cases: caseReport,
  correspondence: correspondenceReport,
};

/** One report for the caller, over the people their role lets them see, narrowed by the query. */
export function report<N extends ReportName>(
  db: Knex,
  actor: Actor,
  name: N,
  query: Reports[N]['query'],
): Promise<Reports[N]['report']> {
  return runReport(db, async (trx) => {
    const scope = await reportScope(trx, actor, query);
    return (REPORTS[name] as ReportOf<N>)(trx, scope, query);
  });
}
