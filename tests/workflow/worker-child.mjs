// A worker in a process of its own, for the test that kills one mid-batch (scheduler-races.test.ts).
// Usage: node worker-child.mjs <database url> <lease ms> <clock ISO time>
import { createCrmWorker, ManualClock, openPostgres } from '@inbox-crm/server';

const [url, leaseMs, clockTime] = process.argv.slice(2);
const database = openPostgres(url, 4);
const { worker } = createCrmWorker({
  knex: database.knex,
  publicUrl: 'http://localhost:3000',
  smtp: null,
  webhookAllowPrivate: true, // its webhook sink listens on this machine
  clock: new ManualClock(new Date(clockTime)),
  leaseMs: Number(leaseMs),
  pollMs: 20,
  jobBatchSize: 100,
  deliveryBatchSize: 50,
});
worker.start();
process.stdout.write(`started ${worker.id}\n`);
