import type { Knex } from 'knex';
import {
  mappingProblems,
  suggestMapping,
  type Import,
  type ImportSettings,
  type ImportSettingsChange,
  type ImportStatus,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { NotFound, Unprocessable } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { savedColumnNames, saveColumnNames } from './column-names.js';
import { fileBytes, forgetFile } from './file-store.js';
import { readHead } from './file-head.js';
import { csvOnly, mayImport, refuseUnless } from './import-view.js';
import * as imports from './repository.js';
import { getImport } from './service.js';

/**
 * One step asked of an import: it is locked, checked to be in one of `statuses`, changed by `change`,
 * and answered as it is afterwards.
 */
async function step(
  knex: Knex,
  actor: Actor,
  id: string,
  allowed: { statuses: readonly ImportStatus[]; doing: string },
  change: (trx: Knex.Transaction, row: imports.ImportRow) => Promise<void>,
): Promise<Import> {
  mayImport(actor);
  await knex.transaction(async (trx) => {
    const row = await imports.lockImport(trx, actor.orgId, id);
    if (!row) throw new NotFound('Import');
    refuseUnless(row, allowed.statuses, allowed.doing);
    await change(trx, row);
  });
  return getImport(knex, actor, id);
}

async function firstBytes(db: Db, orgId: string, id: string): Promise<Uint8Array> {
  for await (const bytes of fileBytes(db, orgId, id)) return bytes.subarray(0, 64 * 1024);
  return new Uint8Array();
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

const READS_FILE_AGAIN = ['encoding', 'delimiter', 'headerRow', 'recordType'] as const;
const EDITABLE = { statuses: ['uploaded', 'previewed'], doing: 'be changed' } as const;

/** Changes how the file is read or mapped; a dry run made before no longer holds and is dropped. */
export function changeImport(
  knex: Knex,
  actor: Actor,
  id: string,
  change: ImportSettingsChange,
): Promise<Import> {
  return step(knex, actor, id, EDITABLE, async (trx, locked) => {
    const row = csvOnly(locked, 'be mapped');
    const { recordType = row.record_type, ...settingsChange } = change;
    let settings: ImportSettings = { ...row.settings, ...settingsChange };
    let head = { columns: row.columns, sample: row.sample };
    const current = { ...row.settings, recordType: row.record_type };
    if (READS_FILE_AGAIN.some((key) => change[key] !== undefined && change[key] !== current[key])) {
      head = await readHead(await firstBytes(trx, actor.orgId, id), settings, settings.headerRow);
      if (change.mapping === undefined) {
        const saved = await savedColumnNames(trx, actor.orgId, recordType);
        settings = { ...settings, mapping: suggestMapping(recordType, head.columns, saved) };
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
}

/** Asks the worker for a dry run: every row matched and written, then rolled back, with its outcome kept. */
export function previewImport(knex: Knex, actor: Actor, id: string): Promise<Import> {
  return step(knex, actor, id, { ...EDITABLE, doing: 'be previewed' }, async (trx, locked) => {
    checkMapping(csvOnly(locked, 'have a dry run'));
    await imports.updateImport(trx, actor.orgId, id, {
      status: 'previewing',
      rows_done: 0,
      failure: null,
      leased_until: null,
    });
  });
}

/** Queues the import itself, and remembers a CSV mapping's column names for the next file. */
export function startImport(knex: Knex, actor: Actor, id: string): Promise<Import> {
  return step(knex, actor, id, { ...EDITABLE, doing: 'start' }, async (trx, row) => {
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
}

/** Stops a queued or running import after the rows in hand; what it did stays, and can be reverted. */
export function cancelImport(knex: Knex, actor: Actor, id: string): Promise<Import> {
  return step(
    knex,
    actor,
    id,
    { statuses: ['queued', 'running'], doing: 'be cancelled' },
    async (trx, row) => {
      if (row.status === 'running') {
        await imports.updateImport(trx, actor.orgId, id, { cancel_requested: true });
        return;
      }
      await imports.updateImport(trx, actor.orgId, id, {
        status: 'cancelled',
        cancel_requested: true,
        finished_at: new Date(),
      });
      await forgetFile(trx, actor.orgId, id);
    },
  );
}

/** Asks the worker to undo the import. */
export function requestRevert(knex: Knex, actor: Actor, id: string): Promise<Import> {
  return step(
    knex,
    actor,
    id,
    { statuses: ['done', 'cancelled', 'failed'], doing: 'be reverted' },
    async (trx, row) => {
      csvOnly(row, 'be reverted');
      await imports.updateImport(trx, actor.orgId, id, {
        status: 'reverting',
        reverted_by: actor.userId,
        leased_until: null,
        failure: null,
      });
      await recordAudit(trx, actor, 'revert', 'import', id, null, { fileName: row.file_name });
    },
  );
}
