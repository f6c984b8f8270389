import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { CsvCell, ReportColumn, ReportTable } from '@inbox-crm/shared/client';
import { formatMoment } from '../../ui/format.js';
import { monthLabel, percent, weekLabel } from './report-words.js';

const useStyles = makeStyles({
  tables: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  numberHeading: { justifyContent: 'flex-end', textAlign: 'end' },
});

const NUMERIC = new Set<ReportColumn['kind']>(['count', 'amount', 'rate', 'number']);

/** A cell for reading: amounts in their row's currency, months and weeks named, rates as percentages. */
function readable(cell: CsvCell, column: ReportColumn, currency: string | null): string {
  if (cell === null) return '–';
  switch (column.kind) {
    case 'amount':
      return currency
        ? new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(cell))
        : Number(cell).toLocaleString();
    case 'month':
      return monthLabel(String(cell));
    case 'week':
      return `Week of ${weekLabel(String(cell))}`;
    case 'time':
      return formatMoment(String(cell));
    case 'rate':
      return percent(Number(cell));
    case 'count':
    case 'number':
      return Number(cell).toLocaleString();
    default:
      return String(cell);
  }
}

/** A report's numbers as tables: the view for a screen reader, and for whoever wants the figures. */
export function ReportTablesView({ tables }: { tables: ReportTable[] }) {
  const styles = useStyles();
  return (
    <div className={styles.tables}>
      {tables.map((table) => {
        const currencyAt = table.columns.findIndex((column) => column.kind === 'currency');
        return (
          <div key={table.title} className={styles.scroll}>
            <Table size="small" aria-label={table.title}>
              <TableHeader>
                <TableRow>
                  {table.columns.map((column) => (
                    <TableHeaderCell
                      key={column.label}
                      className={NUMERIC.has(column.kind) ? styles.numberHeading : undefined}
                    >
                      {column.label}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {table.rows.map((row, rowIndex) => (
                  <TableRow key={rowIndex}>
                    {row.map((cell, index) => (
                      <TableCell
                        key={index}
                        className={NUMERIC.has(table.columns[index]!.kind) ? styles.number : undefined}
                      >
                        {readable(
                          cell,
                          table.columns[index]!,
                          currencyAt >= 0 ? (row[currencyAt] as string | null) : null,
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {table.rows.length === 0 && <Text>Nothing to count in this period.</Text>}
          </div>
        );
      })}
    </div>
  );
}
