import {
  AccountListRow,
  ActivityListRow,
  ActivityListViewQuery,
  CaseBoard,
  CaseBoardQuery,
  OpportunityBoard,
  OpportunityBoardQuery,
  AccountListViewQuery,
  CaseListRow,
  CaseListViewQuery,
  ContactListRow,
  ContactListViewQuery,
  ListPage,
  OpportunityListRow,
  OpportunityListViewQuery,
  TaskListRow,
  TaskListViewQuery,
  type ListName,
  type ListViewQueries,
} from '@inbox-crm/shared';
import type { Readable } from 'node:stream';
import { Type, type TSchema } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { caseBoard, opportunityBoard } from './boards.js';
import { csvStream } from './csv-export.js';
import { allRows, listPage } from './service.js';

const SCHEMAS: Record<ListName, { query: TSchema; row: TSchema }> = {
  accounts: { query: AccountListViewQuery, row: AccountListRow },
  contacts: { query: ContactListViewQuery, row: ContactListRow },
  opportunities: { query: OpportunityListViewQuery, row: OpportunityListRow },
  cases: { query: CaseListViewQuery, row: CaseListRow },
  tasks: { query: TaskListViewQuery, row: TaskListRow },
  activities: { query: ActivityListViewQuery, row: ActivityListRow },
};

/** The CSV body, documented as the text it is; the handler sends it as a stream. */
const CsvFile = Type.Unsafe<Readable>({ type: 'string', description: 'CSV, UTF-8 with a byte-order mark' });

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The console's lists: GET /lists/{name} answers a page with names and a count of matches;
 * GET /lists/{name}.csv exports every matching row in the same order, with the same columns.
 * GET /boards/opportunities and /boards/cases answer the same rows in columns.
 */
export async function recordListRoutes(app: App): Promise<void> {
  const boardSchema = (querystring: TSchema, board: TSchema, summary: string) => ({
    schema: {
      tags: ['lists'],
      security: bearer,
      summary,
      querystring,
      response: { 200: board, ...errorReplies },
    },
  });
  app.get(
    '/boards/opportunities',
    boardSchema(OpportunityBoardQuery, OpportunityBoard, 'The pipeline: deals in a column per stage'),
    (request) => opportunityBoard(app.db, request.actor, request.query as OpportunityBoardQuery),
  );
  app.get(
    '/boards/cases',
    boardSchema(CaseBoardQuery, CaseBoard, 'The service queue: cases in a column per status'),
    (request) => caseBoard(app.db, request.actor, request.query as CaseBoardQuery),
  );
  for (const name of Object.keys(SCHEMAS) as ListName[]) {
    const { query, row } = SCHEMAS[name];
    const tags = ['lists'];
    app.get(
      `/lists/${name}`,
      {
        schema: {
          tags,
          security: bearer,
          summary: `The ${name} list: sorted, filtered, counted, paged by cursor`,
          querystring: query,
          response: { 200: ListPage(row), ...errorReplies },
        },
      },
      (request) => listPage(app.db, request.actor, name, request.query as ListViewQueries[typeof name]),
    );
    app.get(
      `/lists/${name}.csv`,
      {
        schema: {
          tags,
          security: bearer,
          summary: `Every row of the ${name} list as CSV, as the list shows it (cursor and limit are ignored)`,
          produces: ['text/csv'],
          querystring: query,
          response: { 200: CsvFile, ...errorReplies },
        },
      },
      async (request, reply) => {
        const rows = allRows(app.db, request.actor, name, request.query as ListViewQueries[typeof name]);
        const first = await rows.next();
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}-${today()}.csv"`)
          .send(csvStream(name, first.done ? undefined : first.value, rows));
      },
    );
  }
}
