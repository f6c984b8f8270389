import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula, type ReportTable } from '@inbox-crm/shared';

/**
 * A report's tables as one CSV file: a byte-order mark (so spreadsheet programs read UTF-8), then
 * each table as its title, its headings and its rows, a blank line between tables. Cells that a
 * spreadsheet would run as a formula are neutralised. Reports are a few hundred rows at most, so
 * the file is built whole rather than streamed.
 */
export function reportCsv(tables: ReportTable[]): string {
  const lines = tables.flatMap((table, index) => [
    ...(index > 0 ? [[]] : []),
    [neutraliseFormula(table.title)],
    table.columns.map((column) => column.label),
    ...table.rows.map((row) => row.map(neutraliseFormula)),
  ]);
  return stringify(lines, { bom: true, cast: { number: String } });
}
