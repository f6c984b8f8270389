import type { Knex } from 'knex';
import type { ImportRun } from '@inbox-crm/shared';
import type { Clock } from '../../jobs/clock.js';
import { wayGiver } from '../../jobs/give-way.js';
import { csvRecords, type CsvRecord } from './csv-reading.js';
import { fileBytes, forgetFile, hasFile } from './file-store.js';
import { Unprocessable } from '../../errors.js';
import { importContext, type ImportContext } from './import-context.js';
import { importerOf } from './importer.js';
import type { RowOutcome } from './outcome.js';
import {
  cancelRequested,
  IMPORT_LEASE_MS,
  otherImportsWaiting,
  updateImport,
  type CsvImportRow,
  type ImportRow,
} from './repository.js';
import { learnKey, runRows } from './row-runner.js';
import { countOutcomes, forgetOutcomes, saveOutcomes } from './rows-repository.js';
import { refreshStatistics } from './table-statistics.js';
import { WRITERS } from './writers.js';

/** Rows written in one transaction: small enough to keep locks short, large enough to be quick. */
const CHUNK_ROWS = 500;
/** How long an import runs before it gives way to another waiting import; it then goes on where it stopped. */
const SLICE_MS = 5_000;

async function* chunks(records: AsyncIterable<CsvRecord>, size: number): AsyncGenerator<CsvRecord[]> {
  let chunk: CsvRecord[] = [];
  for await (const record of records) {
    chunk.push(record);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

async function runChunk(
  trx: Knex.Transaction,
  context: ImportContext,
  chunk: readonly CsvRecord[],
): Promise<RowOutcome[]> {
  return runRows(trx, context, WRITERS[context.recordType], chunk);
}

/** A dry run's chunk: written in a transaction that is then rolled back, so it keeps nothing but its outcomes. */
async function previewChunk(
  knex: Knex,
  context: ImportContext,
  chunk: readonly CsvRecord[],
): Promise<RowOutcome[]> {
  const trx = await knex.transaction();
  try {
    return await runChunk(trx, context, chunk);
  } finally {
    await trx.rollback();
  }
}

const leaseFrom = (clock: Clock) => new Date(clock.now().getTime() + IMPORT_LEASE_MS);

/**
 * Runs an import's rows, chunk by chunk, each chunk in one transaction with its outcomes and the
 * progress. A dry run (preview) reads the whole file in one go and keeps nothing; the import itself
 * runs for a slice of time and is taken up again from the row it reached, so a long file neither
 * holds the worker nor is lost with it.
 */
export async function runCsvImport(knex: Knex, row: CsvImportRow, clock: Clock): Promise<void> {
  const run: ImportRun = row.status === 'previewing' ? 'preview' : 'import';
  const actor = await importerOf(knex, row);
  const context = await importContext(knex, actor, row.record_type, row.settings, run, row.columns.length);
  const { org_id: orgId, id } = row;
  if (!(await hasFile(knex, orgId, id))) {
    throw new Unprocessable(
      'import_state',
      'The file of this import is no longer kept (a person in it was erased): upload it again.',
    );
  }
  let done = run === 'import' ? row.rows_done : 0;
  if (run === 'preview') await forgetOutcomes(knex, orgId, id, 'preview');
  if (row.status === 'queued')
    await updateImport(knex, orgId, id, { status: 'running', started_at: clock.now() });

  const startedAt = Date.now();
  const records = csvRecords(fileBytes(knex, orgId, id), row.settings, row.settings.headerRow + 1);
  let skipped = 0;
  let chunkNumber = 0;
  const giveWay = wayGiver();
  for await (const chunk of chunks(records, CHUNK_ROWS)) {
    const fresh = chunk.slice(Math.max(0, done - skipped));
    for (const record of chunk.slice(0, chunk.length - fresh.length))
      learnKey(context, WRITERS[row.record_type], record);
    skipped += chunk.length - fresh.length;
    if (fresh.length === 0) continue;
    chunkNumber += 1;
    if (run === 'import' && (await cancelRequested(knex, orgId, id)))
      return finish(knex, row, run, done, 'cancelled', clock);
    const outcomes = run === 'preview' ? await previewChunk(knex, context, fresh) : null;
    await knex.transaction(async (trx) => {
      const written = outcomes ?? (await runChunk(trx, context, fresh));
      await saveOutcomes(trx, orgId, id, run, written);
      done += fresh.length;
      skipped += fresh.length;
      await updateImport(trx, orgId, id, { rows_done: done, leased_until: leaseFrom(clock) });
    });
    await refreshStatistics(knex, chunkNumber, done);
    await giveWay();
    // Taking an import up again reads its file from the start: it pauses only to let another in.
    if (
      run === 'import' &&
      Date.now() - startedAt > SLICE_MS &&
      (await otherImportsWaiting(knex, id, clock.now()))
    ) {
      await updateImport(knex, orgId, id, { leased_until: null });
      return;
    }
  }
  await finish(knex, row, run, done, run === 'preview' ? 'previewed' : 'done', clock);
}

async function finish(
  knex: Knex,
  row: ImportRow,
  run: ImportRun,
  done: number,
  status: 'previewed' | 'done' | 'cancelled',
  clock: Clock,
): Promise<void> {
  const counts = await countOutcomes(knex, row.org_id, row.id, run);
  if (status !== 'previewed') await forgetFile(knex, row.org_id, row.id);
  await updateImport(knex, row.org_id, row.id, {
    status,
    leased_until: null,
    ...(status === 'done' ? { rows_total: done } : {}),
    ...(run === 'preview' ? { preview: counts, rows_total: done, rows_done: 0 } : { result: counts }),
    ...(status !== 'previewed' ? { finished_at: clock.now() } : {}),
  });
}
