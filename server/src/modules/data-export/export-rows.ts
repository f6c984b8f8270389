import type { Db } from '../../db/types.js';
import type { ExportTable } from './export-tables.js';

const PAGE_ROWS = 1000;

const quoted = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The organisation's rows of a table, page by page along its key (never the whole table in
 * memory), each row with the export's columns only.
 */
export async function* tableRows(
  db: Db,
  orgId: string,
  table: ExportTable,
  pageRows = PAGE_ROWS,
): AsyncGenerator<Record<string, unknown>[]> {
  const columns = table.columns.map((column) => quoted(column.name)).join(', ');
  const key = table.key.map(quoted);
  // Key columns are read even when not written (none is left out today, but the paging needs them).
  const keyColumns = table.key.map((column, index) => `${quoted(column)} AS "__key${index}"`).join(', ');
  let after: unknown[] | null = null;
  for (;;) {
    const bindings: unknown[] = [orgId];
    let where = `${quoted(table.scope)} = ?`;
    if (after && key.length > 0) {
      where += ` AND (${key.join(', ')}) > (${key.map(() => '?').join(', ')})`;
      bindings.push(...after);
    }
    // A table keyed by the organisation alone has one row for it: no paging.
    const page = key.length > 0 ? `ORDER BY ${key.join(', ')} LIMIT ${pageRows}` : '';
    const { rows } = await db.raw<{ rows: Record<string, unknown>[] }>(
      `SELECT ${columns}${keyColumns ? `, ${keyColumns}` : ''} FROM ${quoted(table.name)}
        WHERE ${where} ${page}`,
      bindings as never[],
    );
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    after = table.key.map((_, index) => last[`__key${index}`]);
    yield rows.map((row) => {
      for (let index = 0; index < table.key.length; index += 1) delete row[`__key${index}`];
      return row;
    });
    if (rows.length < pageRows || key.length === 0) return;
  }
}
