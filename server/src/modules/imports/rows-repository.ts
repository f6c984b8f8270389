import type { ImportCounts, ImportRowOutcome, ImportRowsQuery, ImportRun, PageOf } from '@inbox-crm/shared';
import { decodeNumberCursor, encodeCursor } from '../../db/cursor.js';
import type { Db } from '../../db/types.js';
import type { RowOutcome } from './outcome.js';

interface OutcomeRow {
  row_number: number;
  action: RowOutcome['action'];
  label: string;
  record_id: string | null;
  reason: string | null;
  changed_fields: string[];
  cells: string[] | null;
  previous: Record<string, unknown> | null;
  applied: Record<string, unknown> | null;
  created_account_id: string | null;
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

export async function saveOutcomes(
  db: Db,
  orgId: string,
  importId: string,
  run: ImportRun,
  outcomes: readonly RowOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;
  await db('import_rows').insert(
    outcomes.map((outcome) => ({
      org_id: orgId,
      import_id: importId,
      run,
      row_number: outcome.rowNumber,
      action: outcome.action,
      label: outcome.label,
      record_id: outcome.recordId,
      reason: outcome.reason,
      changed_fields: outcome.changedFields,
      cells: json(outcome.cells),
      previous: json(outcome.previous),
      applied: json(outcome.applied),
      created_account_id: outcome.createdAccountId,
    })),
  );
}

/** The lines of the file a run has written an outcome for: what a run taken up again leaves alone. */
export async function outcomeLines(
  db: Db,
  orgId: string,
  importId: string,
  run: ImportRun,
): Promise<Set<number>> {
  const lines = (await db('import_rows')
    .where({ org_id: orgId, import_id: importId, run })
    .pluck('row_number')) as number[];
  return new Set(lines);
}

export async function forgetOutcomes(db: Db, orgId: string, importId: string, run: ImportRun): Promise<void> {
  await db('import_rows').where({ org_id: orgId, import_id: importId, run }).delete();
}

export async function countOutcomes(
  db: Db,
  orgId: string,
  importId: string,
  run: ImportRun,
): Promise<ImportCounts> {
  const rows = (await db('import_rows')
    .where({ org_id: orgId, import_id: importId, run })
    .groupBy('action')
    .select(
      'action',
      db.raw('count(*)::int AS rows'),
      db.raw('count(created_account_id)::int AS accounts'),
    )) as {
    action: RowOutcome['action'];
    rows: number;
    accounts: number;
  }[];
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, refuse: 0, skip: 0, accountsCreated: 0 };
  for (const row of rows) {
    counts[row.action] = row.rows;
    counts.accountsCreated += row.accounts;
  }
  return counts;
}

const toOutcome = (row: OutcomeRow): ImportRowOutcome => ({
  rowNumber: row.row_number,
  action: row.action,
  recordId: row.record_id,
  label: row.label,
  reason: row.reason,
  changedFields: row.changed_fields,
});

/** The outcomes of a run in file order, a page at a time, of one action or all. */
export async function pageOutcomes(
  db: Db,
  orgId: string,
  importId: string,
  query: ImportRowsQuery,
): Promise<PageOf<ImportRowOutcome>> {
  const limit = query.limit ?? 25;
  const builder = db('import_rows').where({
    org_id: orgId,
    import_id: importId,
    run: query.run ?? 'preview',
  });
  if (query.action) builder.where('action', query.action);
  if (query.cursor) builder.where('row_number', '>', decodeNumberCursor(query.cursor));
  const rows = (await builder.orderBy('row_number').limit(limit + 1)) as OutcomeRow[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toOutcome),
    nextCursor: rows.length > limit && last ? encodeCursor([String(last.row_number)]) : null,
  };
}

/** Refused rows of a run with their cells, in file order, `batch` at a time. */
export async function* refusedRows(
  db: Db,
  orgId: string,
  importId: string,
  run: ImportRun,
  batch = 1_000,
): AsyncGenerator<Pick<OutcomeRow, 'row_number' | 'cells' | 'reason'>> {
  for (let after = 0; ;) {
    const rows = (await db('import_rows')
      .where({ org_id: orgId, import_id: importId, run, action: 'refuse' })
      .where('row_number', '>', after)
      .orderBy('row_number')
      .limit(batch)
      .select('row_number', 'cells', 'reason')) as Pick<OutcomeRow, 'row_number' | 'cells' | 'reason'>[];
    yield* rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.row_number;
  }
}

export type WrittenRow = Pick<
  OutcomeRow,
  'row_number' | 'action' | 'record_id' | 'previous' | 'applied' | 'created_account_id'
>;

/** The rows the import created or updated records for, after row `after`, `batch` at a time. */
export async function writtenRows(
  db: Db,
  orgId: string,
  importId: string,
  after: number,
  batch: number,
): Promise<WrittenRow[]> {
  return (await db('import_rows')
    .where({ org_id: orgId, import_id: importId, run: 'import' })
    .whereIn('action', ['create', 'update'])
    .where('row_number', '>', after)
    .orderBy('row_number')
    .limit(batch)
    .select(
      'row_number',
      'action',
      'record_id',
      'previous',
      'applied',
      'created_account_id',
    )) as WrittenRow[];
}
