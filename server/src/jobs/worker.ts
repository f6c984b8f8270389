import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import { systemClock, type Clock } from './clock.js';
import { runDueJobs } from './job-runner.js';
import type { JobContext, JobHandler } from './job-types.js';

/**
 * Work a worker does besides jobs, in its own loop: one batch of whatever is due (deliveries to
 * send, say), returning how many it took. `workerId` names the worker in claims it leases.
 */
export type WorkerLoop = (knex: Knex, clock: Clock, workerId: string) => Promise<number>;

export interface WorkerOptions {
  knex: Knex;
  /** What does each kind of job; the composition root lists them. */
  handlers: ReadonlyMap<string, JobHandler>;
  /** Other due work, each in a loop of its own. */
  loops?: readonly WorkerLoop[];
  /** What handlers may know of the deployment besides the time. */
  setup: Omit<JobContext, 'now' | 'clock'>;
  clock?: Clock;
  logger?: Pick<FastifyBaseLogger, 'error'>;
  jobBatchSize?: number;
  /** How long an idle loop sleeps before looking for due work again. */
  pollMs?: number;
  maxJobAttempts?: number;
}

export interface PassResult {
  jobs: number;
  /** Items of other due work the loops took (deliveries claimed, …). */
  other: number;
}

/**
 * Runs due jobs and the other loops it is given. Any number of workers, in any number of processes,
 * may share one database: they never take the same row at once (SKIP LOCKED) and pick up what a
 * dead one left behind.
 */
export class Worker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  readonly clock: Clock;
  private readonly options: Required<Omit<WorkerOptions, 'logger' | 'clock'>> & Pick<WorkerOptions, 'logger'>;
  private running = false;
  private polling: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();

  constructor(options: WorkerOptions) {
    this.clock = options.clock ?? systemClock;
    this.options = {
      ...options,
      jobBatchSize: options.jobBatchSize ?? 200,
      pollMs: options.pollMs ?? 1_000,
      maxJobAttempts: options.maxJobAttempts ?? 5,
      loops: options.loops ?? [],
    };
  }

  /** One batch of due jobs; how many there were. */
  runJobs(): Promise<number> {
    const context: JobContext = { ...this.options.setup, now: this.clock.now(), clock: this.clock };
    return runDueJobs(this.options.knex, context, {
      handlers: this.options.handlers,
      batchSize: this.options.jobBatchSize,
      maxAttempts: this.options.maxJobAttempts,
    });
  }

  /** One batch of each of the other loops' due work; how much there was. */
  async runLoops(): Promise<number> {
    let worked = 0;
    for (const loop of this.options.loops) worked += await this.runLoop(loop);
    return worked;
  }

  private runLoop(loop: WorkerLoop): Promise<number> {
    return loop(this.options.knex, this.clock, this.id);
  }

  /** Works until nothing is due at the clock's present time (tests call this after moving the clock). */
  async drain(): Promise<PassResult> {
    const total = { jobs: 0, other: 0 };
    for (;;) {
      const jobs = await this.runJobs();
      const other = await this.runLoops();
      total.jobs += jobs;
      total.other += other;
      if (jobs === 0 && other === 0) return total;
    }
  }

  /** Starts polling in the background: one loop for jobs, one for each other kind of work. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.polling = [
      this.poll(() => this.runJobs()),
      ...this.options.loops.map((loop) => this.poll(() => this.runLoop(loop))),
    ];
  }

  /** Stops polling and waits for the batches in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    for (const wake of [...this.sleepers]) wake();
    await Promise.all(this.polling);
    this.polling = [];
  }

  private async poll(step: () => Promise<number>): Promise<void> {
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
