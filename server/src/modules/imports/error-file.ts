import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ImportRun } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { requireRole } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { NotFound } from '../../errors.js';
import { loadImport } from './repository.js';
import { refusedRows } from './rows-repository.js';

/**
 * The rows a run refused, as a CSV to fix and import again: the file's own columns as they were,
 * after the row's line and the reason. Written with a byte order mark so that Excel reads it as UTF-8.
 */
export async function errorFile(
  db: Db,
  actor: Actor,
  id: string,
  run: ImportRun,
): Promise<{ filename: string; csv: Readable }> {
  requireRole(actor, 'admin', 'manager');
  const row = await loadImport(db, actor.orgId, id);
  if (!row) throw new NotFound('Import');
  async function* lines() {
    yield ['Line', 'Problem', ...row!.columns];
    for await (const refused of refusedRows(db, actor.orgId, id, run)) {
      yield [String(refused.row_number), refused.reason ?? '', ...(refused.cells ?? [])];
    }
  }
  const csv = Readable.from(lines()).pipe(stringify({ bom: true }));
  const base = row.file_name.replace(/\.[^.]*$/, '') || 'import';
  return { filename: `${base} - rows not imported.csv`, csv };
}
