import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import { Unprocessable } from '../../errors.js';
import type { Clock } from '../../jobs/clock.js';
import { wayGiver } from '../../jobs/give-way.js';
import type { AttachmentLimits } from '../attachments/index.js';
import { fileBytes, forgetFile, hasFile } from './file-store.js';
import { importerOf } from './importer.js';
import { archiveMessages, MAX_MESSAGE_BYTES, type ArchivedMessage } from './mail-archive.js';
import { fileArchivedMessage } from './mail-filing.js';
import { refused, type RowOutcome } from './outcome.js';
import { refreshStatistics } from './table-statistics.js';
import {
  cancelRequested,
  IMPORT_LEASE_MS,
  otherImportsWaiting,
  updateImport,
  type ImportRow,
} from './repository.js';
import { countOutcomes, saveOutcomes } from './rows-repository.js';

/** Messages filed in one transaction. */
const CHUNK_MESSAGES = 50;
const SLICE_MS = 5_000;

type ArchiveEntry = ArchivedMessage | { line: number; tooLarge: true };

async function fileChunk(
  trx: Knex.Transaction,
  actor: Actor,
  chunk: readonly ArchiveEntry[],
  limits: AttachmentLimits,
): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = [];
  for (const entry of chunk) {
    outcomes.push(
      'tooLarge' in entry
        ? refused(entry.line, null, '', `The message is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB.`)
        : await fileArchivedMessage(trx, actor, entry, limits),
    );
  }
  return outcomes;
}

export interface ArchiveRun {
  knex: Knex;
  actor: Actor;
  row: Pick<ImportRow, 'org_id' | 'id'>;
  messages: AsyncIterable<ArchiveEntry>;
  /** Messages an earlier slice filed already: they are read past, not filed again. */
  done: number;
  limits: AttachmentLimits;
  clock: Clock;
  /** Stop after this long and leave the rest for the next slice; absent, run to the end. */
  sliceMs?: number;
  onProgress?: (done: number) => void;
}

/**
 * Files an archive's messages, chunk by chunk, each chunk in one transaction with its outcomes and
 * the progress. Answers how it ended: 'done', 'cancelled', or 'paused' when its slice of time ran out.
 */
export async function fileArchive(run: ArchiveRun): Promise<'done' | 'cancelled' | 'paused'> {
  const { knex, actor, row, clock } = run;
  const started = Date.now();
  let done = run.done;
  let seen = 0;
  let chunk: ArchiveEntry[] = [];
  let chunks = 0;
  const giveWay = wayGiver();
  const flush = async (): Promise<'cancelled' | null> => {
    if (chunk.length === 0) return null;
    if (await cancelRequested(knex, row.org_id, row.id)) return 'cancelled';
    const taken = chunk;
    chunk = [];
    await knex.transaction(async (trx) => {
      await saveOutcomes(trx, row.org_id, row.id, 'import', await fileChunk(trx, actor, taken, run.limits));
      done += taken.length;
      await updateImport(trx, row.org_id, row.id, {
        rows_done: done,
        leased_until: new Date(clock.now().getTime() + IMPORT_LEASE_MS),
      });
    });
    chunks += 1;
    await refreshStatistics(knex, chunks, done);
    await giveWay();
    run.onProgress?.(done);
    return null;
  };
  for await (const entry of run.messages) {
    seen += 1;
    if (seen <= run.done) continue;
    // An archive's rows are its messages in order: line numbers would repeat across a folder's files.
    chunk.push({ ...entry, line: seen });
    if (chunk.length < CHUNK_MESSAGES) continue;
    if ((await flush()) === 'cancelled') return 'cancelled';
    if (run.sliceMs !== undefined && Date.now() - started > run.sliceMs) {
      if (await otherImportsWaiting(knex, row.id, clock.now())) return 'paused';
    }
  }
  return (await flush()) ?? 'done';
}

/** Records how an archive import ended: its counts, its end, and its file let go. */
export async function finishArchive(
  knex: Knex,
  row: Pick<ImportRow, 'org_id' | 'id'>,
  status: 'done' | 'cancelled',
  clock: Clock,
) {
  const result = await countOutcomes(knex, row.org_id, row.id, 'import');
  await forgetFile(knex, row.org_id, row.id);
  const rows = result.create + result.update + result.unchanged + result.refuse + result.skip;
  await updateImport(knex, row.org_id, row.id, {
    status,
    result,
    rows_total: rows,
    leased_until: null,
    finished_at: clock.now(),
  });
}

/** The worker's slice of an uploaded archive's import. */
export async function runMailImport(
  knex: Knex,
  row: ImportRow,
  clock: Clock,
  limits: AttachmentLimits,
): Promise<void> {
  const actor = await importerOf(knex, row);
  if (!(await hasFile(knex, row.org_id, row.id))) {
    throw new Unprocessable('import_state', 'The archive of this import is no longer kept: upload it again.');
  }
  if (row.status === 'queued')
    await updateImport(knex, row.org_id, row.id, { status: 'running', started_at: clock.now() });
  const ended = await fileArchive({
    knex,
    actor,
    row,
    messages: archiveMessages(fileBytes(knex, row.org_id, row.id)),
    done: row.rows_done,
    limits,
    clock,
    sliceMs: SLICE_MS,
  });
  if (ended === 'paused') await updateImport(knex, row.org_id, row.id, { leased_until: null });
  else await finishArchive(knex, row, ended, clock);
}
