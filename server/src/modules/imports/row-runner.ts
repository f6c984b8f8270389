import type { Knex } from 'knex';
import { deferRowsIn, writeDeferredRows } from '../../db/deferred-rows.js';
import { DomainError } from '../../errors.js';
import { rowValues } from './cell-values.js';
import type { CsvRecord } from './csv-reading.js';
import type { ImportContext } from './import-context.js';
import {
  createdOutcome,
  refused,
  RowRefused,
  unchangedOutcome,
  updatedOutcome,
  type RowOutcome,
  type Written,
} from './outcome.js';
import type { ImportedRecord, RecordWriter } from './record-writer.js';

const UNIQUE_VIOLATION = '23505';

/** What names a row that could not be read as a record: its first filled cell. */
const firstCell = (cells: readonly string[]) =>
  (cells.find((cell) => cell.trim() !== '') ?? '').trim().slice(0, 80);

/** Why a row's write was refused, in words; undefined for a fault of ours, which stops the chunk. */
function refusal(error: unknown): { reason: string; personal: boolean } | undefined {
  if (error instanceof RowRefused) return { reason: error.message, personal: true };
  if (error instanceof DomainError) {
    // Nothing of someone who asked to be forgotten is kept, not even in an import's report.
    if (error.code === 'suppressed')
      return { reason: 'This person asked to be forgotten: they are not imported.', personal: false };
    return { reason: error.message, personal: true };
  }
  if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
    return {
      reason: 'Someone saved the same record at the same moment: import the file again to update it.',
      personal: true,
    };
  }
  return undefined;
}

/** Matches, makes or changes the record of one row, in a savepoint so that a refusal undoes only the row. */
async function writeRow<Parsed>(
  trx: Knex.Transaction,
  context: ImportContext,
  writer: RecordWriter<Parsed, ImportedRecord>,
  parsed: Parsed,
): Promise<Written> {
  const { mode } = context.settings;
  return trx.transaction(async (savepoint) => {
    const existing = await writer.find(savepoint, context, parsed);
    if (existing && mode === 'create')
      throw new RowRefused('Already in the CRM, and this import only creates.');
    if (!existing && mode === 'update')
      throw new RowRefused('Matches nothing in the CRM, and this import only updates.');
    if (!existing) {
      const made = await writer.create(savepoint, context, parsed);
      return createdOutcome(made);
    }
    const { fields, createdAccountId } = await writer.changes(savepoint, context, parsed, existing);
    const changed = Object.keys(fields);
    if (changed.length === 0) return unchangedOutcome(existing.id);
    const after = await writer.update(savepoint, context.actor, existing.id, {
      ...fields,
      version: existing.version,
    });
    return updatedOutcome(existing, after, changed, createdAccountId);
  });
}

/** A row read and checked, waiting to be written. */
interface ReadRow {
  line: number;
  cells: string[];
  parsed: unknown;
  label: string;
}

/** The row's values read and its key checked against the rows before it: ready, or its refusal. */
function readRow(
  context: ImportContext,
  writer: RecordWriter<unknown, ImportedRecord>,
  record: CsvRecord,
): ReadRow | RowOutcome {
  if (record.cells === null) return refused(record.line, null, '', record.problem);
  const { cells, line } = record;
  if (cells.length > context.columnCount) {
    return refused(
      line,
      cells,
      firstCell(cells),
      `This row has ${cells.length} cells, but the header names ${context.columnCount} columns: a delimiter or a quote is out of place.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = writer.read(rowValues(cells, context.settings.mapping), context);
  } catch (error) {
    if (error instanceof RowRefused) return refused(line, cells, firstCell(cells), error.message);
    throw error;
  }
  const label = writer.label(parsed);
  const key = writer.key(parsed);
  const first = context.seenKeys.get(key);
  // The same line again is a chunk written a second time (after a deadlock), not a repeat.
  if (first !== undefined && first !== line) {
    return refused(
      line,
      cells,
      label,
      `Row ${first} of this file has the same ${label}: only the first is imported.`,
    );
  }
  context.seenKeys.set(key, line);
  return { line, cells, parsed, label };
}

const isOutcome = (read: ReadRow | RowOutcome): read is RowOutcome => 'action' in read;

/** The row's outcome from its write, or from why the write was refused. */
function placed(row: ReadRow, written: Written | Error): RowOutcome {
  const why = written instanceof Error ? refusal(written) : undefined;
  if (written instanceof Error) {
    if (!why) throw written;
    return why.personal
      ? refused(row.line, row.cells, row.label, why.reason)
      : refused(row.line, null, '', why.reason);
  }
  return { rowNumber: row.line, label: row.label, cells: null, ...written };
}

async function settle(row: ReadRow, write: () => Promise<Written>): Promise<RowOutcome> {
  try {
    return placed(row, await write());
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return placed(row, error);
  }
}

/** What one record of the file comes to. */
export async function runRow(
  trx: Knex.Transaction,
  context: ImportContext,
  writer: RecordWriter<unknown, ImportedRecord>,
  record: CsvRecord,
): Promise<RowOutcome> {
  const read = readRow(context, writer, record);
  return isOutcome(read) ? read : settle(read, () => writeRow(trx, context, writer, read.parsed));
}

/**
 * What a chunk of records comes to. A writer that finds and makes in bulk is given the chunk at once:
 * one lookup for all rows, the matched ones changed one by one, the new ones made together; the rest
 * go row by row. Either way a refusal undoes only its row.
 */
export async function runRows(
  trx: Knex.Transaction,
  context: ImportContext,
  writer: RecordWriter<unknown, ImportedRecord>,
  records: readonly CsvRecord[],
): Promise<RowOutcome[]> {
  const { findMany, createMany, updateMany } = writer;
  if (!findMany || !createMany || !updateMany) {
    const outcomes: RowOutcome[] = [];
    for (const record of records) outcomes.push(await runRow(trx, context, writer, record));
    return outcomes;
  }
  const outcomes: RowOutcome[] = [];
  const waiting: (ReadRow & { index: number })[] = [];
  records.forEach((record, index) => {
    const read = readRow(context, writer, record);
    if (isOutcome(read)) outcomes[index] = read;
    else waiting.push({ ...read, index });
  });
  const found = await findMany(
    trx,
    context,
    waiting.map((row) => row.parsed),
  );
  const creates: (ReadRow & { index: number })[] = [];
  const matched: (ReadRow & { index: number; existing: ImportedRecord })[] = [];
  for (const [position, row] of waiting.entries()) {
    const existing = found[position];
    if (existing instanceof RowRefused) outcomes[row.index] = placed(row, existing);
    else if (existing === undefined && context.settings.mode === 'update') {
      outcomes[row.index] = placed(
        row,
        new RowRefused('Matches nothing in the CRM, and this import only updates.'),
      );
    } else if (existing === undefined) creates.push(row);
    else if (context.settings.mode === 'create') {
      outcomes[row.index] = placed(row, new RowRefused('Already in the CRM, and this import only creates.'));
    } else matched.push({ ...row, existing });
  }
  await inBulk(
    trx,
    matched,
    (savepoint) =>
      updateMany(
        savepoint,
        context,
        matched.map(({ parsed, existing }) => ({ row: parsed, existing })),
      ),
    // One by one, each row finds its record again: another chunk may have changed it meanwhile.
    (row) => writeRow(trx, context, writer, row.parsed),
    outcomes,
  );
  await inBulk(
    trx,
    creates,
    async (savepoint) =>
      (
        await createMany(
          savepoint,
          context,
          creates.map((row) => row.parsed),
        )
      ).map((made) => (made instanceof Error ? made : createdOutcome(made))),
    (row) => writeRow(trx, context, writer, row.parsed),
    outcomes,
  );
  return outcomes;
}

/**
 * Writes rows in one go, in a savepoint whose records publish their audit entries in one insert a
 * table; when the batch as a whole is refused, writes them one by one so each refusal lands on its row.
 */
async function inBulk<Row extends ReadRow & { index: number }>(
  trx: Knex.Transaction,
  rows: readonly Row[],
  writeAll: (savepoint: Knex.Transaction) => Promise<(Written | Error)[]>,
  writeOne: (row: Row) => Promise<Written>,
  outcomes: RowOutcome[],
): Promise<void> {
  if (rows.length === 0) return;
  try {
    const written = await trx.transaction(async (savepoint) => {
      deferRowsIn(savepoint);
      const results = await writeAll(savepoint);
      await writeDeferredRows(savepoint);
      return results;
    });
    rows.forEach((row, position) => (outcomes[row.index] = placed(row, written[position]!)));
  } catch (error) {
    if (!refusal(error)) throw error;
    for (const row of rows) outcomes[row.index] = await settle(row, () => writeOne(row));
  }
}

/**
 * Remembers the match key of a row an earlier pass already did, so that a run taken up again
 * refuses the same repeats as a run done at once.
 */
export function learnKey(
  context: ImportContext,
  writer: RecordWriter<unknown, ImportedRecord>,
  record: CsvRecord,
): void {
  if (record.cells === null || record.cells.length > context.columnCount) return;
  try {
    const key = writer.key(writer.read(rowValues(record.cells, context.settings.mapping), context));
    if (!context.seenKeys.has(key)) context.seenKeys.set(key, record.line);
  } catch (error) {
    if (!(error instanceof RowRefused)) throw error;
  }
}
