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
import { connectionLimit } from '../../db/database.js';
import { requestsInFlight } from '../../http/requests-in-flight.js';
import { companyDesk } from './company-desk.js';
import {
  addRowsDone,
  cancelRequested,
  IMPORT_LEASE_MS,
  otherImportsWaiting,
  updateImport,
  type CsvImportRow,
  type ImportRow,
} from './repository.js';
import { learnKey, runRows } from './row-runner.js';
import { countOutcomes, forgetOutcomes, outcomeLines, saveOutcomes } from './rows-repository.js';
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

const DEADLOCK = '40P01';
/** A chunk PostgreSQL chose to stop to break a deadlock (two chunks changing one contact) is written again. */
const CHUNK_ATTEMPTS = 3;

/** The most chunks written at once (100,000 rows on the lookup data set: one 29 s, two 21 s, four 17–19 s). */
const MAX_LANES = 4;

/**
 * How many chunks of a run are written at once. Side by side, the database works on some chunks
 * while the server prepares others; each needs a connection, and the company desk one more, so at
 * most half the pool goes to an import, PGlite (one connection) goes one by one, and so do dry runs
 * (each chunk is rolled back, so a company an earlier chunk made is not there for the next).
 */
function lanesFor(knex: Knex, run: ImportRun, recordType: CsvImportRow['record_type']): number {
  if (run !== 'import' || !WRITERS[recordType].sideBySide) return 1;
  const lanes = Math.min(MAX_LANES, Math.floor(connectionLimit(knex) / 2));
  return lanes < 2 ? 1 : lanes;
}

/** A chunk's rows written with their outcomes and the progress, in one transaction. */
async function writeChunk(
  knex: Knex,
  row: CsvImportRow,
  context: ImportContext,
  chunk: readonly CsvRecord[],
  clock: Clock,
): Promise<void> {
  const { org_id: orgId, id } = row;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const outcomes = context.run === 'preview' ? await previewChunk(knex, context, chunk) : null;
      await knex.transaction(async (trx) => {
        const written = outcomes ?? (await runChunk(trx, context, chunk));
        await saveOutcomes(trx, orgId, id, context.run, written);
        await addRowsDone(trx, orgId, id, chunk.length, leaseFrom(clock));
      });
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== DEADLOCK || attempt === CHUNK_ATTEMPTS) throw error;
    }
  }
}

/**
 * Runs an import's rows, chunk by chunk, each chunk in one transaction with its outcomes and the
 * progress; several chunks at a time where the record type allows (lanesFor), one while the
 * server answers people's requests. A dry run (preview) reads the whole file in one go and keeps nothing;
 * the import itself runs for a slice of time and is taken up again at the rows without an outcome,
 * so a long file neither holds the worker nor is lost with it.
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
  const lanes = lanesFor(knex, run, row.record_type);
  if (lanes > 1) context.desk = companyDesk(knex, orgId, id);
  const writer = WRITERS[row.record_type];
  const alreadyDone =
    run === 'import' && row.rows_done > 0 ? await outcomeLines(knex, orgId, id, run) : new Set();
  if (run === 'preview') {
    await forgetOutcomes(knex, orgId, id, 'preview');
    await updateImport(knex, orgId, id, { rows_done: 0 });
  }
  if (row.status === 'queued')
    await updateImport(knex, orgId, id, { status: 'running', started_at: clock.now() });

  const startedAt = Date.now();
  const records = csvRecords(fileBytes(knex, orgId, id), row.settings, row.settings.headerRow + 1);
  let done = alreadyDone.size;
  let chunkNumber = 0;
  let failure: { error: unknown } | undefined;
  const writing = new Set<Promise<void>>();
  const giveWay = wayGiver();
  const settled = async () => {
    await Promise.all(writing);
    if (failure) throw failure.error;
  };
  for await (const chunk of chunks(records, CHUNK_ROWS)) {
    const fresh = chunk.filter((record) => !alreadyDone.has(record.line));
    // Keys in file order, before any chunk reads its rows (and of rows done before, which are not
    // read again): side by side, the first row with a key is still the one imported.
    for (const record of chunk) learnKey(context, writer, record);
    if (fresh.length === 0) continue;
    while (writing.size >= (requestsInFlight() > 0 ? 1 : lanes)) await Promise.race(writing);
    if (failure) break;
    chunkNumber += 1;
    if (chunkNumber > 1) await refreshStatistics(knex, chunkNumber - 1, done);
    await giveWay();
    if (run === 'import' && (await cancelRequested(knex, orgId, id))) {
      await settled();
      return finish(knex, row, run, done, 'cancelled', clock);
    }
    // Taking an import up again reads its file from the start: it pauses only to let another in.
    if (
      run === 'import' &&
      Date.now() - startedAt > SLICE_MS &&
      (await otherImportsWaiting(knex, id, clock.now()))
    ) {
      await settled();
      await updateImport(knex, orgId, id, { leased_until: null });
      return;
    }
    const written: Promise<void> = writeChunk(knex, row, context, fresh, clock)
      .then(
        () => void (done += fresh.length),
        (error: unknown) => void (failure ??= { error }),
      )
      .finally(() => writing.delete(written));
    writing.add(written);
  }
  await settled();
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
