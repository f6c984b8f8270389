// One of the benchmark's two workers, in a process of its own: node worker-process.js <database url>
import { createCrmWorker, openPostgres } from '@inbox-crm/server';

const [url] = process.argv.slice(2);
const database = openPostgres(url!, 10);
const scheduler = createCrmWorker({
  knex: database.knex,
  publicUrl: 'http://localhost:3000',
  smtp: null,
  webhookAllowPrivate: true, // its webhook sink listens on this machine
  pollMs: 20,
  jobBatchSize: 500,
  deliveryBatchSize: 200,
});
scheduler.worker.start();
process.on('SIGTERM', () => {
  void scheduler
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
});
