import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { LIST_COLUMNS, neutraliseFormula, type ListName, type ListViewRows } from '@inbox-crm/shared';

/**
 * A list as CSV, streamed: a byte-order mark (so spreadsheet programs read UTF-8), the column
 * headings the console shows, then one line per row with formulas neutralised. `first` is the
 * first row, already read so that a refused query fails before any byte is sent.
 */
export function csvStream<L extends ListName>(
  name: L,
  first: ListViewRows[L] | undefined,
  rest: AsyncIterable<ListViewRows[L]>,
): Readable {
  const columns = LIST_COLUMNS[name] as {
    label: string;
    csv(row: ListViewRows[L]): string | number | null;
  }[];
  async function* lines() {
    yield columns.map((column) => column.label);
    if (first === undefined) return;
    for await (const row of prepend(first, rest)) {
      yield columns.map((column) => neutraliseFormula(column.csv(row)));
    }
  }
  return Readable.from(lines()).pipe(stringify({ bom: true, cast: { number: String } }));
}

async function* prepend<T>(first: T, rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield first;
  yield* rest;
}
