import type { FastifyBaseLogger } from 'fastify';
import { DomainError } from '../../errors.js';
import type { AttachmentLimits } from '../attachments/index.js';
import type { WorkerLoop } from '../../jobs/worker.js';
import { runCsvImport } from './csv-run.js';
import { forgetFile } from './file-store.js';
import { runMailImport } from './mail-run.js';
import { IMPORT_LEASE_MS, isCsvImport, leaseImportWithWork, updateImport } from './repository.js';
import { revertImport } from './revert.js';

/**
 * The worker's loop for imports: takes one import with work to do (a dry run, an import, a revert)
 * and does a slice of it, archives keeping attachment content within `limits`. An import that stops
 * on an error is marked failed with the reason.
 */
export function importWork(limits: AttachmentLimits, logger?: Pick<FastifyBaseLogger, 'error'>): WorkerLoop {
  return async (knex, clock) => {
    const now = clock.now();
    const row = await leaseImportWithWork(knex, now, new Date(now.getTime() + IMPORT_LEASE_MS));
    if (!row) return 0;
    try {
      if (!isCsvImport(row)) await runMailImport(knex, row, clock, limits);
      else if (row.status === 'reverting') await revertImport(knex, row, clock);
      else await runCsvImport(knex, row, clock);
    } catch (error) {
      logger?.error({ err: error, importId: row.id }, 'import: stopped on an error');
      const failure =
        error instanceof DomainError
          ? error.message
          : 'The import stopped on an error of ours. What it did so far is kept and can be reverted.';
      const stays = row.status === 'previewing';
      if (!stays) await forgetFile(knex, row.org_id, row.id);
      await updateImport(knex, row.org_id, row.id, {
        status: stays ? 'uploaded' : 'failed',
        failure,
        leased_until: null,
        finished_at: clock.now(),
      });
    }
    return 1;
  };
}
