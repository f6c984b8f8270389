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
 * Does a job's work inside the transaction that claimed it, so its effects in the database commit
 * together with the job's completion, or not at all.
 */
export type JobHandler = (trx: Knex.Transaction, job: Job, context: JobContext) => Promise<void>;

/** An error a handler throws when retrying would not help (the record is gone, the rule is invalid). */
export class PermanentJobFailure extends Error {}
