import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import {
  mappingProblems,
  suggestMapping,
  type Import,
  type ImportRowOutcome,
  type ImportRowsQuery,
  type ImportSettings,
  type ImportSettingsChange,
  type ImportStatus,
  type ImportUploadQuery,
  MAX_MAIL_IMPORT_BYTES,
  type MailImportUploadQuery,
  type PageOf,
} from '@inbox-crm/shared';
import { requireRole, type Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import type { Db } from '../../db/types.js';
import { NotFound, Unprocessable } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { userNames } from '../users/index.js';
import { savedColumnNames, saveColumnNames } from './column-names.js';
import { fileBytes, forgetFile, storeFile } from './file-store.js';
import { readHead, sniffFormat } from './file-head.js';
import * as imports from './repository.js';
import { pageOutcomes } from './rows-repository.js';

const DEFAULT_SETTINGS: Omit<ImportSettings, 'encoding' | 'delimiter' | 'mapping'> = {
  headerRow: 1,
  dateFormat: 'iso',
  currency: 'USD',
  mode: 'upsert',
};

const mayImport = (actor: Actor) => requireRole(actor, 'admin', 'manager');

async function view(db: Db, row: imports.ImportRow): Promise<Import> {
  const suggested = imports.isCsvImport(row)
    ? suggestMapping(row.record_type, row.columns, await savedColumnNames(db, row.org_id, row.record_type))
    : {};
  return imports.toImport(row, await userNames(db, row.org_id), suggested);
}

/** The import, if it is a CSV file's: an archive has no columns to map, no dry run and no revert. */
function csvOnly(row: imports.ImportRow, doing: string): imports.CsvImportRow {
  if (!imports.isCsvImport(row)) {
    throw new Unprocessable('import_state', `A mailbox archive cannot ${doing}: it is filed as it is read.`);
  }
  return row;
}

async function found(db: Db, actor: Actor, id: string): Promise<imports.ImportRow> {
  const row = await imports.loadImport(db, actor.orgId, id);
  if (!row) throw new NotFound('Import');
  return row;
}

function refuseUnless(row: imports.ImportRow, statuses: readonly ImportStatus[], doing: string): void {
  if (!statuses.includes(row.status)) {
    throw new Unprocessable(
      'import_state',
      `This import is ${row.status.replace('_', ' ')}: it cannot ${doing} now.`,
      [{ status: row.status }],
    );
  }
}

async function firstBytes(db: Db, orgId: string, id: string): Promise<Uint8Array> {
  for await (const bytes of fileBytes(db, orgId, id)) return bytes.subarray(0, 64 * 1024);
  return new Uint8Array();
}

/** Takes a file in: stores it, guesses how it is written, reads its columns and suggests a mapping. */
export async function uploadImport(
  knex: Knex,
  actor: Actor,
  query: ImportUploadQuery,
  body: Readable,
): Promise<Import> {
  mayImport(actor);
  const id = newId();
  await imports.insertImport(knex, {
    org_id: actor.orgId,
    id,
    record_type: query.recordType,
    file_name: query.fileName,
    settings: { ...DEFAULT_SETTINGS, encoding: 'utf-8', delimiter: ',', mapping: {} },
    created_by: actor.userId,
  });
  try {
    const { bytes, head } = await storeFile(knex, actor.orgId, id, body);
    const format = sniffFormat(head);
    const { columns, sample } = await readHead(head, format, 1);
    if (columns.length === 0) {
      throw new Unprocessable(
        'unreadable_file',
        'The file is empty or holds no columns: upload a CSV file with a header row.',
      );
    }
    const saved = await savedColumnNames(knex, actor.orgId, query.recordType);
    const settings = {
      ...DEFAULT_SETTINGS,
      ...format,
      mapping: suggestMapping(query.recordType, columns, saved),
    };
    await imports.updateImport(knex, actor.orgId, id, { file_bytes: bytes, settings, columns, sample });
  } catch (error) {
    await knex('imports').where({ org_id: actor.orgId, id }).delete();
    throw error;
  }
  return view(knex, (await imports.loadImport(knex, actor.orgId, id))!);
}

/** Takes a mailbox archive in (.mbox or .eml): stored as it comes, filed once started. */
export async function uploadMailImport(
  knex: Knex,
  actor: Actor,
  query: MailImportUploadQuery,
  body: Readable,
): Promise<Import> {
  mayImport(actor);
  const id = newId();
  await imports.insertImport(knex, {
    org_id: actor.orgId,
    id,
    source: 'mail',
    record_type: 'email',
    file_name: query.fileName,
    settings: { ...DEFAULT_SETTINGS, encoding: 'utf-8', delimiter: ',', mapping: {} },
    created_by: actor.userId,
  });
  try {
    const { bytes } = await storeFile(knex, actor.orgId, id, body, MAX_MAIL_IMPORT_BYTES);
    if (bytes === 0)
      throw new Unprocessable('unreadable_file', 'The file is empty: upload an .mbox or .eml file.');
    await imports.updateImport(knex, actor.orgId, id, { file_bytes: bytes });
  } catch (error) {
    await knex('imports').where({ org_id: actor.orgId, id }).delete();
    throw error;
  }
  return view(knex, (await imports.loadImport(knex, actor.orgId, id))!);
}

export async function getImport(db: Db, actor: Actor, id: string): Promise<Import> {
  mayImport(actor);
  return view(db, await found(db, actor, id));
}

export async function listImports(
  db: Db,
  actor: Actor,
  page: { cursor?: string; limit?: number },
): Promise<PageOf<Import>> {
  mayImport(actor);
  const rows = await imports.listImports(db, actor.orgId, page);
  return { items: await Promise.all(rows.items.map((row) => view(db, row))), nextCursor: rows.nextCursor };
}

const READS_FILE_AGAIN = ['encoding', 'delimiter', 'headerRow', 'recordType'] as const;

/** Changes how the file is read or mapped; a dry run made before no longer holds and is dropped. */
export async function changeImport(
  knex: Knex,
  actor: Actor,
  id: string,
  change: ImportSettingsChange,
): Promise<Import> {
  mayImport(actor);
  await knex.transaction(async (trx) => {
    const row = csvOnly(
      (await imports.lockImport(trx, actor.orgId, id)) ?? (await found(trx, actor, id)),
      'be mapped',
    );
    refuseUnless(row, ['uploaded', 'previewed'], 'be changed');
    const { recordType = row.record_type, ...settingsChange } = change;
    let settings: ImportSettings = { ...row.settings, ...settingsChange };
    let head = { columns: row.columns, sample: row.sample };
    if (
      READS_FILE_AGAIN.some(
        (key) =>
          change[key] !== undefined &&
          change[key] !== (key === 'recordType' ? row.record_type : row.settings[key]),
      )
    ) {
      head = await readHead(await firstBytes(trx, actor.orgId, id), settings, settings.headerRow);
      if (change.mapping === undefined) {
        settings = {
          ...settings,
          mapping: suggestMapping(
            recordType,
            head.columns,
            await savedColumnNames(trx, actor.orgId, recordType),
          ),
        };
      }
    }
    await imports.updateImport(trx, actor.orgId, id, {
      record_type: recordType,
      settings,
      ...head,
      status: 'uploaded',
      preview: null,
      rows_total: null,
      failure: null,
    });
  });
  return getImport(knex, actor, id);
}

function checkMapping(row: imports.CsvImportRow): void {
  const problems = mappingProblems(
    row.record_type,
    row.settings.mapping,
    row.columns.length,
    row.settings.mode,
  );
  if (problems.length > 0) {
    throw new Unprocessable(
      'invalid_mapping',
      problems[0]!,
      problems.map((message) => ({ in: 'body', path: '/mapping', message })),
    );
  }
}

/** Asks the worker for a dry run: every row matched and written, then rolled back, with its outcome kept. */
export async function previewImport(knex: Knex, actor: Actor, id: string): Promise<Import> {
  mayImport(actor);
  await knex.transaction(async (trx) => {
    const row = csvOnly(
      (await imports.lockImport(trx, actor.orgId, id)) ?? (await found(trx, actor, id)),
      'have a dry run',
    );
    refuseUnless(row, ['uploaded', 'previewed'], 'be previewed');
    checkMapping(row);
    await imports.updateImport(trx, actor.orgId, id, {
      status: 'previewing',
      rows_done: 0,
      failure: null,
      leased_until: null,
    });
  });
  return getImport(knex, actor, id);
}

/** Queues the import itself, and remembers the mapping's column names for the next file. */
export async function startImport(knex: Knex, actor: Actor, id: string): Promise<Import> {
  mayImport(actor);
  await knex.transaction(async (trx) => {
    const row = (await imports.lockImport(trx, actor.orgId, id)) ?? (await found(trx, actor, id));
    refuseUnless(row, ['uploaded', 'previewed'], 'start');
    if (imports.isCsvImport(row)) {
      checkMapping(row);
      await saveColumnNames(trx, actor.orgId, row.record_type, row.columns, row.settings.mapping);
    }
    await imports.updateImport(trx, actor.orgId, id, {
      status: 'queued',
      rows_done: 0,
      failure: null,
      leased_until: null,
    });
    await recordAudit(trx, actor, 'import', 'import', id, null, {
      fileName: row.file_name,
      recordType: row.record_type,
    });
  });
  return getImport(knex, actor, id);
}

/** Stops a queued or running import after the rows in hand; what it did stays, and can be reverted. */
export async function cancelImport(knex: Knex, actor: Actor, id: string): Promise<Import> {
  mayImport(actor);
  await knex.transaction(async (trx) => {
    const row = (await imports.lockImport(trx, actor.orgId, id)) ?? (await found(trx, actor, id));
    refuseUnless(row, ['queued', 'running'], 'be cancelled');
    await imports.updateImport(
      trx,
      actor.orgId,
      id,
      row.status === 'queued'
        ? { status: 'cancelled', cancel_requested: true, finished_at: new Date() }
        : { cancel_requested: true },
    );
    if (row.status === 'queued') await forgetFile(trx, actor.orgId, id);
  });
  return getImport(knex, actor, id);
}

/** Asks the worker to undo the import. */
export async function requestRevert(knex: Knex, actor: Actor, id: string): Promise<Import> {
  mayImport(actor);
  await knex.transaction(async (trx) => {
    const row = csvOnly(
      (await imports.lockImport(trx, actor.orgId, id)) ?? (await found(trx, actor, id)),
      'be reverted',
    );
    refuseUnless(row, ['done', 'cancelled', 'failed'], 'be reverted');
    await imports.updateImport(trx, actor.orgId, id, {
      status: 'reverting',
      reverted_by: actor.userId,
      leased_until: null,
      failure: null,
    });
    await recordAudit(trx, actor, 'revert', 'import', id, null, { fileName: row.file_name });
  });
  return getImport(knex, actor, id);
}

export async function importRows(
  db: Db,
  actor: Actor,
  id: string,
  query: ImportRowsQuery,
): Promise<PageOf<ImportRowOutcome>> {
  mayImport(actor);
  await found(db, actor, id);
  return pageOutcomes(db, actor.orgId, id, query);
}
