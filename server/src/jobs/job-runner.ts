import type { Knex } from 'knex';
import { DomainError, type ProblemKind } from '@inbox-crm/shared';
import { retryDelayMs } from './backoff.js';
import { MINUTE_MS } from './clock.js';
import { claimDueJobs, claimJob, markJobsDone, recordJobFailure } from './jobs-repository.js';
import { PermanentJobFailure, type Job, type JobContext, type JobHandler } from './job-types.js';

export interface JobRunnerOptions {
  handlers: ReadonlyMap<string, JobHandler>;
  batchSize: number;
  /** Attempts before a failing job is marked failed (and shown to admins). */
  maxAttempts: number;
}

// How a job failure maps domain errors, the one place it does: a record gone or a request the
// domain refuses will be refused again, so the job fails at once rather than retrying in vain.
// A conflict, a limit or an outage may pass, so those are tried again like any other error.
const FINAL_PROBLEMS: ReadonlySet<ProblemKind> = new Set([
  'invalid',
  'forbidden',
  'not_found',
  'unprocessable',
]);

const retryWouldNotHelp = (error: unknown) =>
  error instanceof PermanentJobFailure || (error instanceof DomainError && FINAL_PROBLEMS.has(error.kind));

const JOB_RETRY_BASE_MS = MINUTE_MS;
const JOB_RETRY_MAX_MS = 60 * MINUTE_MS;

// A claim is held by an open transaction. A worker that freezes mid-batch would hold its rows
// forever; PostgreSQL ends its session (and so frees the rows) once it has been idle this long.
const CLAIM_IDLE_LIMIT = `SET LOCAL idle_in_transaction_session_timeout = '60s'`;

/** Hands the jobs to their kinds' handlers, a kind at a time, in the order they fell due. */
async function handle(
  trx: Knex.Transaction,
  jobs: readonly Job[],
  context: JobContext,
  options: JobRunnerOptions,
) {
  const byKind = new Map<string, Job[]>();
  for (const job of jobs) {
    const group = byKind.get(job.kind);
    if (group) group.push(job);
    else byKind.set(job.kind, [job]);
  }
  for (const [kind, ofKind] of byKind) {
    const handler = options.handlers.get(kind);
    if (!handler) throw new PermanentJobFailure(`No handler for jobs of kind ${kind}.`);
    await handler(trx, ofKind, context);
  }
}

/**
 * Runs one batch of due jobs in one transaction: claim, do each job's work, mark them done, commit.
 * Effects and completion commit together, so each job takes effect exactly once. Returns how many
 * jobs were claimed.
 */
export async function runDueJobs(
  knex: Knex,
  context: JobContext,
  options: JobRunnerOptions,
): Promise<number> {
  let claimed: Job[] = [];
  try {
    return await knex.transaction(async (trx) => {
      await trx.raw(CLAIM_IDLE_LIMIT);
      claimed = await claimDueJobs(trx, context.now, options.batchSize);
      await handle(trx, claimed, context, options);
      await markJobsDone(trx, claimed, context.now);
      return claimed.length;
    });
  } catch (error) {
    if (claimed.length === 0) throw error;
    // One job spoiled the batch, which rolled back whole: run each on its own to isolate it.
    for (const job of claimed) await runOneJob(knex, job, context, options);
    return claimed.length;
  }
}

async function runOneJob(knex: Knex, job: Job, context: JobContext, options: JobRunnerOptions) {
  await knex.transaction(async (trx) => {
    await trx.raw(CLAIM_IDLE_LIMIT);
    const claimed = await claimJob(trx, job.orgId, job.id);
    if (!claimed) return;
    try {
      await trx.transaction((savepoint) => handle(savepoint, [claimed], context, options));
      await markJobsDone(trx, [claimed], context.now);
    } catch (error) {
      const permanent = retryWouldNotHelp(error) || claimed.attempts + 1 >= options.maxAttempts;
      const retryAt = permanent
        ? null
        : new Date(
            context.now.getTime() + retryDelayMs(claimed.attempts + 1, JOB_RETRY_BASE_MS, JOB_RETRY_MAX_MS),
          );
      await recordJobFailure(
        trx,
        claimed,
        error instanceof Error ? error.message : String(error),
        retryAt,
        context.now,
      );
    }
  });
}
