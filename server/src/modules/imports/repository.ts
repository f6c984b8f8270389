import type { Knex } from 'knex';
import type {
  Import,
  ImportCounts,
  ImportRecordType,
  ImportRevertCounts,
  ImportSettings,
  ImportStatus,
  PageOf,
} from '@inbox-crm/shared';
import { pageById } from '../../db/pagination.js';
import { iso, isoOrNull, type Db } from '../../db/types.js';
import { userRef } from '../users/index.js';

export interface ImportRow {
  org_id: string;
  id: string;
  source: 'csv' | 'mail';
  record_type: ImportRecordType | 'email';
  file_name: string;
  file_bytes: string | number;
  status: ImportStatus;
  settings: ImportSettings;
  columns: string[];
  sample: string[][];
  rows_total: number | null;
  rows_done: number;
  preview: ImportCounts | null;
  result: ImportCounts | null;
  reverted: ImportRevertCounts | null;
  cancel_requested: boolean;
  failure: string | null;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  reverted_at: Date | null;
  reverted_by: string | null;
}

/** What an import answers with besides its row: what its file's head reads as. */
/** A CSV import's row: its file holds records of one type. */
export type CsvImportRow = ImportRow & { source: 'csv'; record_type: ImportRecordType };

export const isCsvImport = (row: ImportRow): row is CsvImportRow =>
  row.source === 'csv' && row.record_type !== 'email';

export function toImport(
  row: ImportRow,
  names: ReadonlyMap<string, string>,
  suggestedMapping: Import['suggestedMapping'],
): Import {
  return {
    id: row.id,
    source: row.source,
    recordType: row.record_type,
    fileName: row.file_name,
    fileBytes: Number(row.file_bytes),
    status: row.status,
    settings: row.settings,
    columns: row.columns,
    sample: row.sample,
    suggestedMapping,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    preview: row.preview,
    result: row.result,
    reverted: row.reverted,
    cancelRequested: row.cancel_requested,
    failure: row.failure,
    createdBy: userRef(names, row.created_by),
    createdAt: iso(row.created_at),
    startedAt: isoOrNull(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
    revertedAt: isoOrNull(row.reverted_at),
  };
}

export async function insertImport(
  db: Db,
  row: Pick<ImportRow, 'org_id' | 'id' | 'record_type' | 'file_name' | 'settings' | 'created_by'> &
    Partial<Pick<ImportRow, 'source'>>,
): Promise<void> {
  await db('imports').insert({ ...row, status: 'uploaded', settings: JSON.stringify(row.settings) });
}

export async function loadImport(db: Db, orgId: string, id: string): Promise<ImportRow | undefined> {
  return (await db('imports').where({ org_id: orgId, id }).first()) as ImportRow | undefined;
}

/** The import, locked for this transaction: status changes are decided on what it is now. */
export async function lockImport(
  trx: Knex.Transaction,
  orgId: string,
  id: string,
): Promise<ImportRow | undefined> {
  return (await trx('imports').where({ org_id: orgId, id }).forUpdate().first()) as ImportRow | undefined;
}

export function listImports(
  db: Db,
  orgId: string,
  page: { cursor?: string | undefined; limit?: number | undefined },
): Promise<PageOf<ImportRow>> {
  return pageById<ImportRow, ImportRow>(db('imports').where({ org_id: orgId }), page, (row) => row);
}

export type ImportChanges = Partial<
  Omit<ImportRow, 'org_id' | 'id' | 'settings' | 'columns' | 'sample' | 'preview' | 'result' | 'reverted'> & {
    settings: ImportSettings;
    columns: string[];
    sample: string[][];
    preview: ImportCounts | null;
    result: ImportCounts | null;
    reverted: ImportRevertCounts | null;
    leased_until: Date | null;
  }
>;

const JSON_COLUMNS = ['settings', 'columns', 'sample', 'preview', 'result', 'reverted'] as const;

export async function updateImport(db: Db, orgId: string, id: string, changes: ImportChanges): Promise<void> {
  const row: Record<string, unknown> = { ...changes };
  for (const column of JSON_COLUMNS) {
    if (row[column] !== undefined && row[column] !== null) row[column] = JSON.stringify(row[column]);
  }
  await db('imports').where({ org_id: orgId, id }).update(row);
}

/** Adds a chunk's rows to the import's progress and renews its lease, in the chunk's transaction. */
export async function addRowsDone(
  db: Db,
  orgId: string,
  id: string,
  rows: number,
  leasedUntil: Date,
): Promise<void> {
  await db('imports')
    .where({ org_id: orgId, id })
    .update({ rows_done: db.raw('rows_done + ?', [rows]), leased_until: leasedUntil });
}

/** How long a worker holds an import it works on before another may take it up. */
export const IMPORT_LEASE_MS = 2 * 60_000;

export const WORK_STATUSES: readonly ImportStatus[] = ['previewing', 'queued', 'running', 'reverting'];

/**
 * One import with work to do that no worker holds, leased to the caller until `until`: a worker
 * that dies mid-import lets its lease run out and another takes the import up where it stopped.
 */
export async function leaseImportWithWork(
  knex: Knex,
  now: Date,
  until: Date,
): Promise<ImportRow | undefined> {
  return knex.transaction(async (trx) => {
    const row = (await trx('imports')
      .whereIn('status', WORK_STATUSES)
      .where(function leaseFree() {
        void this.whereNull('leased_until').orWhere('leased_until', '<', now);
      })
      .orderBy('created_at')
      .forUpdate()
      .skipLocked()
      .first()) as ImportRow | undefined;
    if (!row) return undefined;
    await trx('imports').where({ org_id: row.org_id, id: row.id }).update({ leased_until: until });
    return row;
  });
}

/** Whether another import waits for a worker: a long one then gives way after its slice of time. */
export async function otherImportsWaiting(db: Db, id: string, now: Date): Promise<boolean> {
  const row = (await db('imports')
    .whereIn('status', WORK_STATUSES)
    .whereNot({ id })
    .where(function leaseFree() {
      void this.whereNull('leased_until').orWhere('leased_until', '<', now);
    })
    .first('id')) as { id: string } | undefined;
  return row !== undefined;
}

/** Whether someone asked to cancel the import since it was read. */
export async function cancelRequested(db: Db, orgId: string, id: string): Promise<boolean> {
  const row = (await db('imports').where({ org_id: orgId, id }).first('cancel_requested')) as
    { cancel_requested: boolean } | undefined;
  return row?.cancel_requested ?? true;
}
