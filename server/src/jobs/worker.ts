import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import { systemClock, type Clock } from './clock.js';
import { sendDueDeliveries, type DeliveryTransports } from './delivery-runner.js';
import { runDueJobs } from './job-runner.js';
import type { JobHandler } from './job-types.js';

export interface WorkerOptions {
  knex: Knex;
  handlers: ReadonlyMap<string, JobHandler>;
  transports: DeliveryTransports;
  /** Where users reach the console, for links in reminders. */
  publicUrl: string;
  clock?: Clock;
  logger?: Pick<FastifyBaseLogger, 'error'>;
  jobBatchSize?: number;
  deliveryBatchSize?: number;
  leaseMs?: number;
  /** How long an idle loop sleeps before looking for due work again. */
  pollMs?: number;
  maxJobAttempts?: number;
  maxDeliveryAttempts?: number;
  deliveryRetryBaseMs?: number;
  deliveryRetryMaxMs?: number;
}

export interface PassResult {
  jobs: number;
  deliveries: number;
}

/**
 * Runs due jobs and sends due deliveries. Any number of workers, in any number of processes, may
 * share one database: they never take the same row at once (SKIP LOCKED) and pick up what a dead
 * one left behind.
 */
export class Worker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  readonly clock: Clock;
  private readonly options: Required<Omit<WorkerOptions, 'logger' | 'clock'>> & Pick<WorkerOptions, 'logger'>;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();

  constructor(options: WorkerOptions) {
    this.clock = options.clock ?? systemClock;
    this.options = {
      jobBatchSize: 200,
      deliveryBatchSize: 100,
      leaseMs: 60_000,
      pollMs: 1_000,
      maxJobAttempts: 5,
      maxDeliveryAttempts: 8,
      deliveryRetryBaseMs: 30_000,
      deliveryRetryMaxMs: 60 * 60_000,
      ...options,
    };
  }

  /** One batch of due jobs; how many there were. */
  runJobs(): Promise<number> {
    const context = {
      now: this.clock.now(),
      clock: this.clock,
      emailEnabled: this.options.transports.email !== null,
      publicUrl: this.options.publicUrl,
    };
    return runDueJobs(this.options.knex, context, {
      handlers: this.options.handlers,
      batchSize: this.options.jobBatchSize,
      maxAttempts: this.options.maxJobAttempts,
    });
  }

  /** One batch of due deliveries; how many were attempted. */
  sendDeliveries(): Promise<number> {
    return sendDueDeliveries(this.options.knex, this.clock, {
      senderId: this.id,
      transports: this.options.transports,
      batchSize: this.options.deliveryBatchSize,
      leaseMs: this.options.leaseMs,
      maxAttempts: this.options.maxDeliveryAttempts,
      retryBaseMs: this.options.deliveryRetryBaseMs,
      retryMaxMs: this.options.deliveryRetryMaxMs,
    });
  }

  /** Works until nothing is due at the clock's present time (tests call this after moving the clock). */
  async drain(): Promise<PassResult> {
    const total = { jobs: 0, deliveries: 0 };
    for (;;) {
      const jobs = await this.runJobs();
      const deliveries = await this.sendDeliveries();
      total.jobs += jobs;
      total.deliveries += deliveries;
      if (jobs === 0 && deliveries === 0) return total;
    }
  }

  /** Starts polling in the background: one loop for jobs, one for deliveries. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = [this.loop(() => this.runJobs()), this.loop(() => this.sendDeliveries())];
  }

  /** Stops polling and waits for the batches in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    for (const wake of [...this.sleepers]) wake();
    await Promise.all(this.loops);
    this.loops = [];
  }

  private async loop(step: () => Promise<number>): Promise<void> {
    while (this.running) {
      let worked = 0;
      try {
        worked = await step();
      } catch (error) {
        this.options.logger?.error({ err: error }, 'worker: a batch failed; trying again shortly');
      }
      if (worked === 0 && this.running) await this.sleep(this.options.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}
