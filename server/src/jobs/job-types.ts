import type { Knex } from 'knex';
import type { Clock } from './clock.js';

/** A due job, as claimed from scheduled_jobs. */
export interface Job {
  orgId: string;
  id: string;
  kind: string;
  runAt: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

/** What a job handler may use besides its transaction: the time it runs at and what is set up. */
export interface JobContext {
  /** The worker clock's time when the batch was claimed. */
  now: Date;
  clock: Clock;
  /** Whether email can be sent (SMTP is configured): handlers skip email deliveries otherwise. */
  emailEnabled: boolean;
  /** Where users reach the console, for links in emails and webhooks. */
  publicUrl: string;
}

/**
 * Does the work of due jobs of one kind inside the transaction that claimed them, so their effects
 * in the database commit together with their completion, or not at all. Handlers take a batch so
 * that a burst of like jobs costs a few statements, not a few per job.
 */
export type JobHandler = (trx: Knex.Transaction, jobs: readonly Job[], context: JobContext) => Promise<void>;

/** A handler for jobs that are done one at a time. */
export function oneByOne(
  handle: (trx: Knex.Transaction, job: Job, context: JobContext) => Promise<void>,
): JobHandler {
  return async (trx, jobs, context) => {
    for (const job of jobs) await handle(trx, job, context);
  };
}

/** An error a handler throws when retrying would not help (the record is gone, the rule is invalid). */
export class PermanentJobFailure extends Error {}
