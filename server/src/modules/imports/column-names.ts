import type { ImportMapping, ImportRecordType } from '@inbox-crm/shared';
import { foldColumnName } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';

/** The fields column names were mapped to in earlier imports of this record type, by folded name. */
export async function savedColumnNames(
  db: Db,
  orgId: string,
  recordType: ImportRecordType,
): Promise<Record<string, string>> {
  const rows = (await db('import_column_names')
    .where({ org_id: orgId, record_type: recordType })
    .select('column_name', 'field')) as { column_name: string; field: string }[];
  return Object.fromEntries(rows.map((row) => [row.column_name, row.field]));
}

/** Remembers what each mapped column was used for, for the next file with a column of that name. */
export async function saveColumnNames(
  db: Db,
  orgId: string,
  recordType: ImportRecordType,
  columns: readonly string[],
  mapping: ImportMapping,
): Promise<void> {
  const rows = Object.entries(mapping)
    .map(([index, field]) => ({ column_name: foldColumnName(columns[Number(index)] ?? ''), field }))
    .filter((row) => row.column_name !== '')
    .map((row) => ({ org_id: orgId, record_type: recordType, ...row, updated_at: new Date() }));
  if (rows.length === 0) return;
  await db('import_column_names')
    .insert(rows)
    .onConflict(['org_id', 'record_type', 'column_name'])
    .merge(['field', 'updated_at']);
}
