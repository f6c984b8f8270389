import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openPostgres, runMigrations, webhookSignature } from '@inbox-crm/server';
import { startSink, type Sink } from './webhook-sink.js';
import { seedDueReminders } from './seed.js';
import { recreateDatabase } from '../support/bench-database.js';

const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 100_000);
const DATABASE = 'inboxcrm_bench_reminders';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The baseline: the same number of signed POSTs straight to the sink, as many in flight as the two workers send. */
async function directPosts(sink: Sink, count: number, inFlight: number): Promise<number> {
  const body = JSON.stringify({
    id: 'baseline',
    event: 'reminder.workflow_reminder',
    data: { title: 'Time to follow up' },
  });
  let next = 0;
  const started = performance.now();
  const sender = async () => {
    while (next < count) {
      next += 1;
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(sink.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-inboxcrm-timestamp': String(timestamp),
          'x-inboxcrm-signature': `sha256=${webhookSignature('whsec_benchmark', timestamp, body)}`,
        },
        body,
      });
      await response.body?.cancel();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  return count / ((performance.now() - started) / 1000);
}

function startWorker(url: string): ChildProcess {
  const script = fileURLToPath(new URL('./worker-process.js', import.meta.url));
  return spawn(process.execPath, [script, url], { stdio: ['ignore', 'inherit', 'inherit'] });
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server: two worker processes share it.');
  const url = await recreateDatabase(serverUrl, DATABASE);
  const database = openPostgres(url, 4);
  await runMigrations(database.knex);
  const sink = await startSink();

  const baseline = await directPosts(sink, Math.min(REMINDERS, 20_000), 400);
  sink.arrivals.clear();

  console.log(`Seeding ${REMINDERS} reminders…`);
  const dueAt = new Date(Date.now() + 5_000);
  const { orgId } = await seedDueReminders(database.knex, REMINDERS, sink.url, dueAt);
  const workers = [startWorker(url), startWorker(url)];
  const waitUntilDue = dueAt.getTime() - Date.now();
  if (waitUntilDue > 0) await new Promise((resolve) => setTimeout(resolve, waitUntilDue));
  console.log('Due now; two workers delivering…');

  const deadline = Date.now() + 15 * 60_000;
  while (sink.arrivals.size < REMINDERS && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const stopped = workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve)));
  workers.forEach((worker) => worker.kill('SIGTERM'));
  await Promise.all(stopped);

  const firstArrivals = [...sink.arrivals.values()].map((times) => times[0]!);
  const delays = firstArrivals.map((time) => time - dueAt.getTime()).sort((a, b) => a - b);
  const lastArrival = Math.max(...firstArrivals);
  const delivered = await database
    .knex('deliveries')
    .where({ org_id: orgId, status: 'delivered' })
    .count('* as n')
    .first();
  const duplicates = [...sink.arrivals.values()].reduce((sum, times) => sum + times.length - 1, 0);
  await sink.close();
  await database.close();

  const perSecond = sink.arrivals.size / ((lastArrival - dueAt.getTime()) / 1000);
  console.log('');
  console.log(`reminders due at one moment   ${REMINDERS}`);
  console.log(`baseline: signed POSTs straight to the sink, no database   ${baseline.toFixed(0)} /s`);
  console.log(
    `delivered by two workers                                  ${perSecond.toFixed(0)} /s   (target ≥ 2000)`,
  );
  console.log(
    `delay from due time to delivery   p50 ${percentile(delays, 50)} ms   p99 ${percentile(delays, 99)} ms`,
  );
  console.log(`lost   ${REMINDERS - sink.arrivals.size}   (recorded delivered: ${Number(delivered!.n)})`);
  console.log(`duplicated   ${duplicates}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
