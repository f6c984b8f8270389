import type { FailedJob } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { iso, isoOrNull } from '../../db/types.js';
import { NotFound } from '../../errors.js';
import { listFailedJobs, requeueFailedJob } from '../../jobs/jobs-repository.js';

const FAILED_SHOWN = 100;

/** Scheduled work that failed for good, newest first, for admins. */
export async function failedJobs(db: Knex, actor: Actor): Promise<FailedJob[]> {
  requireRole(actor, 'admin');
  return (await listFailedJobs(db, actor.orgId, FAILED_SHOWN)).map((row) => ({
    id: row.id,
    kind: row.kind,
    runAt: iso(row.run_at),
    attempts: row.attempts,
    lastError: row.last_error,
    failedAt: isoOrNull(row.finished_at),
  }));
}

/** Runs a failed job again, from its first attempt. */
export async function retryJob(db: Knex, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin');
  if (!(await requeueFailedJob(db, actor.orgId, id))) throw new NotFound('A failed job');
}
