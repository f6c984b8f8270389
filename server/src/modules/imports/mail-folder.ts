import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Knex } from 'knex';
import { normalizeEmail, type ImportCounts, type ImportRowOutcome } from '@inbox-crm/shared';
import { newId } from '../../db/ids.js';
import { NotFound } from '../../errors.js';
import { systemClock } from '../../jobs/clock.js';
import { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from '../attachments/index.js';
import { importerOf } from './importer.js';
import { archiveMessages } from './mail-archive.js';
import { fileArchive, finishArchive } from './mail-run.js';
import { IMPORT_LEASE_MS, insertImport, loadImport, updateImport, type ImportRow } from './repository.js';
import { pageOutcomes } from './rows-repository.js';

export interface MailFolderImport {
  /** The admin or manager the messages are filed as. */
  userEmail: string;
  /** .mbox and .eml files, read in this order. */
  files: readonly string[];
  limits?: AttachmentLimits;
  onStarted?: (importId: string, orgId: string) => void;
  onProgress?: (messages: number) => void;
}

async function* messagesOf(files: readonly string[]) {
  for (const file of files) yield* archiveMessages(createReadStream(file));
}

/**
 * Imports archive files from disk, for archives too large to upload: the same filing, outcomes and
 * report as an uploaded archive, run here rather than by the worker, and listed with the other imports.
 */
export async function importMailFiles(
  knex: Knex,
  options: MailFolderImport,
): Promise<{
  importId: string;
  status: 'done' | 'cancelled';
  result: ImportCounts;
  refused: ImportRowOutcome[];
}> {
  const user = (await knex('users')
    .whereRaw('lower(email) = ?', [normalizeEmail(options.userEmail)])
    .first('org_id', 'id')) as { org_id: string; id: string } | undefined;
  if (!user) throw new NotFound(`A user with the address ${options.userEmail}`);
  const id = newId();
  const name =
    options.files.length === 1 ? basename(options.files[0]!) : `${options.files.length} archive files`;
  const settings = {
    headerRow: 1,
    dateFormat: 'iso',
    currency: 'USD',
    mode: 'create',
    encoding: 'utf-8',
    delimiter: ',',
    mapping: {},
  } as const;
  await insertImport(knex, {
    org_id: user.org_id,
    id,
    source: 'mail',
    record_type: 'email',
    file_name: name,
    settings,
    created_by: user.id,
  });
  const row = (await loadImport(knex, user.org_id, id)) as ImportRow;
  const actor = await importerOf(knex, row);
  // Held as a worker holds one, so that no worker takes up an import whose messages are read here.
  await updateImport(knex, user.org_id, id, {
    status: 'running',
    started_at: new Date(),
    leased_until: new Date(Date.now() + IMPORT_LEASE_MS),
  });
  options.onStarted?.(id, user.org_id);
  const status = await fileArchive({
    knex,
    actor,
    row,
    messages: messagesOf(options.files),
    done: 0,
    clock: systemClock,
    limits: options.limits ?? DEFAULT_ATTACHMENT_LIMITS,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const ended = status === 'paused' ? 'done' : status;
  await finishArchive(knex, row, ended, systemClock);
  const finished = (await loadImport(knex, user.org_id, id))!;
  const refused = await pageOutcomes(knex, user.org_id, id, { run: 'import', action: 'refuse', limit: 100 });
  return { importId: id, status: ended, result: finished.result!, refused: refused.items };
}

/** Asks a running import to stop after the messages in hand. */
export async function cancelImportRun(knex: Knex, orgId: string, id: string): Promise<void> {
  await updateImport(knex, orgId, id, { cancel_requested: true });
}
