import type { Knex } from 'knex';
import { newId } from '../db/ids.js';
import type { Db } from '../db/types.js';
import type { Job } from './job-types.js';

/**
 * The run_at of a job that should run at once: due whatever the worker's clock says, even a test
 * clock set before the write that queued it.
 */
export const AS_SOON_AS_POSSIBLE = new Date(0);

export interface NewJob {
  orgId: string;
  kind: string;
  runAt: Date;
  payload?: Record<string, unknown>;
  /**
   * Names one occurrence together with runAt. Scheduling a key again replaces its pending job (a
   * task's reminder when its due time moves), unless a job with this key and time is pending or
   * done already: then nothing changes, so no occurrence ever runs twice.
   */
  dedupeKey?: string;
}

interface JobRow {
  org_id: string;
  id: string;
  kind: string;
  run_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

const toJob = (row: JobRow): Job => ({
  orgId: row.org_id,
  id: row.id,
  kind: row.kind,
  runAt: row.run_at,
  payload: row.payload,
  attempts: row.attempts,
});

async function sameOccurrence(db: Db, job: NewJob & { dedupeKey: string }): Promise<string | undefined> {
  const row = (await db('scheduled_jobs')
    .where({ org_id: job.orgId, dedupe_key: job.dedupeKey, run_at: job.runAt })
    .whereIn('status', ['pending', 'done'])
    .first('id')) as { id: string } | undefined;
  return row?.id;
}

/** Schedules a job (see NewJob.dedupeKey for rescheduling); returns its id. */
export async function scheduleJob(db: Db, job: NewJob): Promise<string> {
  if (job.dedupeKey) {
    const existing = await sameOccurrence(db, { ...job, dedupeKey: job.dedupeKey });
    if (existing) return existing;
    await cancelJobs(db, job.orgId, [job.dedupeKey]);
  }
  const id = newId();
  await db('scheduled_jobs').insert({
    org_id: job.orgId,
    id,
    kind: job.kind,
    run_at: job.runAt,
    payload: JSON.stringify(job.payload ?? {}),
    dedupe_key: job.dedupeKey ?? null,
  });
  return id;
}

export async function cancelJobs(db: Db, orgId: string, dedupeKeys: readonly string[]): Promise<void> {
  if (dedupeKeys.length === 0) return;
  await db('scheduled_jobs')
    .where({ org_id: orgId, status: 'pending' })
    .whereIn('dedupe_key', dedupeKeys)
    .update({ status: 'cancelled', finished_at: db.fn.now() });
}

/** Pending jobs whose key starts with the prefix, e.g. every step of one plan enrollment. */
export async function cancelJobsByPrefix(db: Db, orgId: string, keyPrefix: string): Promise<void> {
  await db('scheduled_jobs')
    .where({ org_id: orgId, status: 'pending' })
    .whereLike('dedupe_key', `${keyPrefix.replace(/[\\%_]/g, '\\$&')}%`)
    .update({ status: 'cancelled', finished_at: db.fn.now() });
}

/**
 * Locks up to `limit` due jobs for this transaction. Rows another worker holds are skipped, not
 * waited for; a worker that dies loses its locks with its connection, so its jobs come back.
 */
export async function claimDueJobs(trx: Knex.Transaction, now: Date, limit: number): Promise<Job[]> {
  const rows = (await trx('scheduled_jobs')
    .select('org_id', 'id', 'kind', 'run_at', 'payload', 'attempts')
    .where('status', 'pending')
    .where('run_at', '<=', now)
    .orderBy('run_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()) as JobRow[];
  return rows.map(toJob);
}

/** Locks one job by id if it is still pending and nobody holds it. */
export async function claimJob(trx: Knex.Transaction, orgId: string, id: string): Promise<Job | undefined> {
  const row = (await trx('scheduled_jobs')
    .select('org_id', 'id', 'kind', 'run_at', 'payload', 'attempts')
    .where({ org_id: orgId, id, status: 'pending' })
    .forUpdate()
    .skipLocked()
    .first()) as JobRow | undefined;
  return row && toJob(row);
}

export async function markJobsDone(trx: Knex.Transaction, jobs: readonly Job[], now: Date): Promise<void> {
  if (jobs.length === 0) return;
  await trx.raw(
    `UPDATE scheduled_jobs AS j SET status = 'done', finished_at = ?, attempts = j.attempts + 1
      FROM unnest(?::uuid[], ?::uuid[]) AS done (org_id, id)
      WHERE j.org_id = done.org_id AND j.id = done.id`,
    [now, jobs.map((job) => job.orgId), jobs.map((job) => job.id)],
  );
}

/** Records a failed attempt: tried again at `retryAt`, or given up on (status failed) when null. */
export async function recordJobFailure(
  db: Db,
  job: Job,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  await db('scheduled_jobs')
    .where({ org_id: job.orgId, id: job.id, status: 'pending' })
    .update({
      attempts: job.attempts + 1,
      last_error: error.slice(0, 2000),
      ...(retryAt ? { run_at: retryAt } : { status: 'failed', finished_at: now }),
    });
}

interface FailedJobRow {
  id: string;
  kind: string;
  run_at: Date;
  attempts: number;
  last_error: string | null;
  finished_at: Date | null;
}

/** An organisation's jobs that failed for good, newest first. */
export async function listFailedJobs(db: Db, orgId: string, limit: number): Promise<FailedJobRow[]> {
  return (await db('scheduled_jobs')
    .where({ org_id: orgId, status: 'failed' })
    .orderBy('id', 'desc')
    .limit(limit)
    .select('id', 'kind', 'run_at', 'attempts', 'last_error', 'finished_at')) as FailedJobRow[];
}

/** A failed job queued again to run at once, its attempts counted afresh; false if it had not failed. */
export async function requeueFailedJob(db: Db, orgId: string, id: string): Promise<boolean> {
  const changed = await db('scheduled_jobs')
    .where({ org_id: orgId, id, status: 'failed' })
    .update({ status: 'pending', attempts: 0, run_at: AS_SOON_AS_POSSIBLE, finished_at: null });
  return changed > 0;
}
