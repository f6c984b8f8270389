import type { Knex } from 'knex';
import { DomainError } from '../../errors.js';
import { rowValues } from './cell-values.js';
import type { CsvRecord } from './csv-reading.js';
import type { ImportContext } from './import-context.js';
import { refused, RowRefused, type RowOutcome } from './outcome.js';
import type { ImportedRecord, RecordWriter } from './record-writer.js';

const UNIQUE_VIOLATION = '23505';

const pick = (record: object, fields: readonly string[]) =>
  Object.fromEntries(fields.map((field) => [field, (record as Record<string, unknown>)[field] ?? null]));

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
): Promise<Omit<RowOutcome, 'rowNumber' | 'label' | 'cells'>> {
  const { mode } = context.settings;
  return trx.transaction(async (savepoint) => {
    const existing = await writer.find(savepoint, context, parsed);
    if (existing && mode === 'create')
      throw new RowRefused('Already in the CRM, and this import only creates.');
    if (!existing && mode === 'update')
      throw new RowRefused('Matches nothing in the CRM, and this import only updates.');
    if (!existing) {
      const made = await writer.create(savepoint, context, parsed);
      return {
        action: 'create' as const,
        recordId: made.id,
        reason: made.createdAccountId ? 'A new account was made for its company.' : null,
        changedFields: [],
        previous: null,
        applied: null,
        createdAccountId: made.createdAccountId,
      };
    }
    const { fields, createdAccountId } = await writer.changes(savepoint, context, parsed, existing);
    const changed = Object.keys(fields);
    if (changed.length === 0) {
      return {
        action: 'unchanged' as const,
        recordId: existing.id,
        reason: null,
        changedFields: [],
        previous: null,
        applied: null,
        createdAccountId: null,
      };
    }
    const after = await writer.update(savepoint, context.actor, existing.id, {
      ...fields,
      version: existing.version,
    });
    return {
      action: 'update' as const,
      recordId: existing.id,
      reason: createdAccountId ? 'A new account was made for its company.' : null,
      changedFields: changed,
      previous: pick(existing, changed),
      applied: pick(after, changed),
      createdAccountId,
    };
  });
}

/** What one record of the file comes to. */
export async function runRow(
  trx: Knex.Transaction,
  context: ImportContext,
  writer: RecordWriter<unknown, ImportedRecord>,
  record: CsvRecord,
): Promise<RowOutcome> {
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
  if (first !== undefined)
    return refused(
      line,
      cells,
      label,
      `Row ${first} of this file has the same ${label}: only the first is imported.`,
    );
  context.seenKeys.set(key, line);
  try {
    return { rowNumber: line, label, cells: null, ...(await writeRow(trx, context, writer, parsed)) };
  } catch (error) {
    const why = refusal(error);
    if (!why) throw error;
    return why.personal ? refused(line, cells, label, why.reason) : refused(line, null, '', why.reason);
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
  if (record.cells === null) return;
  try {
    const key = writer.key(writer.read(rowValues(record.cells, context.settings.mapping), context));
    if (!context.seenKeys.has(key)) context.seenKeys.set(key, record.line);
  } catch (error) {
    if (!(error instanceof RowRefused)) throw error;
  }
}
