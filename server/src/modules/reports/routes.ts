import {
  AccountSummary,
  Dashboard,
  DashboardUpdate,
  IdParams,
  REPORT_NAMES,
  REPORT_SCHEMAS,
  reportTables,
  type ReportName,
  type Reports,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { accountSummary } from './account-summary.js';
import { dashboardOf, saveDashboard } from './dashboard.js';
import { reportCsv } from './report-csv.js';
import { report } from './service.js';

const SUMMARIES: Record<ReportName, string> = {
  pipeline: 'Pipeline by stage: deals, amounts and weighted amounts per currency',
  forecast: 'Forecast: open and weighted amounts by expected close month, against won amounts',
  'win-rate': 'Win rate by owner and month, sales cycle, and time in each stage',
  activity: 'Emails filed, calls, meetings and notes per person per week',
  'going-cold': 'Accounts with no touch in a number of days, largest open deals first',
  cases: 'Cases opened and resolved per week, open cases by age, response and resolution times',
  correspondence: 'Email per account per month, and who on our side writes to each account',
};

const DESCRIPTION =
  'Counts the work of the people the caller may report on: an admin the organisation (or the team or person asked for), a manager their team, a member themselves; asking past that is a 403. Weeks and months are counted in `timeZone` (by default the caller’s). Private activities count only where the caller may see them.';

const CsvFile = Type.String({
  description: 'CSV, UTF-8 with a byte-order mark: each table titled, a blank line between',
});

const today = () => new Date().toISOString().slice(0, 10);

/**
 * GET /reports/{name} answers a report as JSON; GET /reports/{name}.csv the same numbers as CSV.
 * GET /accounts/{id}/summary is the pane's line of context on an account; GET and PUT /dashboard
 * are the reports a person pinned to their home.
 */
export async function reportRoutes(app: App): Promise<void> {
  const dashboard = { tags: ['reports'], security: bearer };
  app.get(
    '/dashboard',
    {
      schema: {
        ...dashboard,
        summary: 'The reports on my home, in order',
        response: { 200: Dashboard, ...errorReplies },
      },
    },
    (request) => dashboardOf(app.db, request.actor),
  );
  app.put(
    '/dashboard',
    {
      schema: {
        ...dashboard,
        summary: 'Pin reports to my home, in order, or go back to my role’s (null)',
        body: DashboardUpdate,
        response: { 200: Dashboard, ...errorReplies },
      },
    },
    (request) => saveDashboard(app.db, request.actor, request.body),
  );

  app.get(
    '/accounts/:id/summary',
    {
      schema: {
        tags: ['reports'],
        security: bearer,
        summary: 'An account’s open pipeline per currency, open cases and last touch, for the pane',
        params: IdParams,
        response: { 200: AccountSummary, ...errorReplies },
      },
    },
    (request) => accountSummary(app.db, request.actor, request.params.id),
  );
  for (const name of REPORT_NAMES) {
    const { query, report: answer } = REPORT_SCHEMAS[name];
    const schema = { tags: ['reports'], security: bearer, description: DESCRIPTION, querystring: query };
    const run = (request: { actor: Parameters<typeof report>[1]; query: unknown }) =>
      report(app.reportsDb, request.actor, name, request.query as Reports[typeof name]['query']);
    app.get(
      `/reports/${name}`,
      { schema: { ...schema, summary: SUMMARIES[name], response: { 200: answer, ...errorReplies } } },
      (request) => run(request),
    );
    app.get(
      `/reports/${name}.csv`,
      {
        schema: {
          ...schema,
          summary: `${SUMMARIES[name]}, as CSV`,
          produces: ['text/csv'],
          response: { 200: CsvFile, ...errorReplies },
        },
      },
      async (request, reply) => {
        const csv = reportCsv(reportTables(name, await run(request)));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}-report-${today()}.csv"`)
          .send(csv);
      },
    );
  }
}
