import { IMPORT_STATUS_WORDS, suggestMapping, type Import, type ImportStatus } from '@inbox-crm/shared';
import { requireRole, type Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { NotFound, Unprocessable } from '../../errors.js';
import { userNames } from '../users/index.js';
import { savedColumnNames } from './column-names.js';
import * as imports from './repository.js';

/** Importing is for admins and managers. */
export const mayImport = (actor: Actor) => requireRole(actor, 'admin', 'manager');

/** The import as the API answers it, with the mapping its columns' names suggest. */
export async function view(db: Db, row: imports.ImportRow): Promise<Import> {
  const suggested = imports.isCsvImport(row)
    ? suggestMapping(row.record_type, row.columns, await savedColumnNames(db, row.org_id, row.record_type))
    : {};
  return imports.toImport(row, await userNames(db, row.org_id), suggested);
}

export async function found(db: Db, actor: Actor, id: string): Promise<imports.ImportRow> {
  const row = await imports.loadImport(db, actor.orgId, id);
  if (!row) throw new NotFound('Import');
  return row;
}

export function refuseUnless(row: imports.ImportRow, statuses: readonly ImportStatus[], doing: string): void {
  if (!statuses.includes(row.status)) {
    const now = IMPORT_STATUS_WORDS[row.status].replace('…', '');
    throw new Unprocessable('import_state', `The import cannot ${doing} now: it is “${now}”.`, [
      { status: row.status },
    ]);
  }
}

/** The import, if it is a CSV file's: an archive has no columns to map, no dry run and no revert. */
export function csvOnly(row: imports.ImportRow, doing: string): imports.CsvImportRow {
  if (!imports.isCsvImport(row)) {
    throw new Unprocessable('import_state', `A mailbox archive cannot ${doing}: it is filed as it is read.`);
  }
  return row;
}
