import { randomBytes } from 'node:crypto';
import {
  buildApp,
  createOrganisationWithAdmin,
  indexOrganisation,
  openPostgres,
  runMigrations,
} from '@inbox-crm/server';
import { recreateDatabase } from '../support/bench-database.js';
import { seedMail } from './seed-mail.js';

// Forgetting a person with 10,000 emails (target ≤ 10 s), in an organisation with other mail,
// beside a baseline in the same run: plain DELETEs of another customer's 10,000 emails (no search,
// no redaction, no suppression).
const PERSON_EMAILS = Number(process.env.BENCH_PERSON_EMAILS ?? 10_000);
const OTHER_CUSTOMERS = Number(process.env.BENCH_OTHER_CUSTOMERS ?? 20);
const SHARED_EVERY = 10;
const DATABASE = 'inboxcrm_bench_privacy';
const PASSWORD = 'bench password 123';

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server.');
  const database = openPostgres(await recreateDatabase(serverUrl, DATABASE), 8);
  await runMigrations(database.knex);
  const knex = database.knex;
  const { organisationId: orgId, admin } = await knex.transaction((trx) =>
    createOrganisationWithAdmin(trx, {
      name: 'Privacy Bench',
      adminEmail: 'admin@privacy-bench.example',
      adminPassword: PASSWORD,
      adminName: 'Ada Admin',
    }),
  );
  await knex('organisations')
    .where({ id: orgId })
    .update({ own_domains: ['privacy-bench.example'] });
  const app = await buildApp({
    database,
    jwtSecret: randomBytes(32).toString('hex'),
    publicUrl: 'http://127.0.0.1',
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: admin.email, password: PASSWORD },
  });
  const token = (login.json() as { accessToken: string }).accessToken;
  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });

  const customers: { id: string; email: string }[] = [];
  for (let index = 0; index < OTHER_CUSTOMERS + 2; index += 1) {
    const email = `customer${index}@customer${index}-bench.example`;
    const created = await post('/api/v1/contacts', {
      firstName: `Customer${index}`,
      lastName: `Benchperson${index}`,
      emails: [email],
      phones: [{ number: `+44 20 7946 ${String(1000 + index).padStart(4, '0')}`, label: 'work' }],
    });
    customers.push({ id: (created.json() as { id: string }).id, email });
  }
  console.log(`Seeding ${PERSON_EMAILS} emails for each of ${customers.length} customers…`);
  for (const [index, customer] of customers.entries()) {
    await seedMail(knex, {
      orgId,
      ownerId: admin.id,
      contactId: customer.id,
      from: { email: customer.email, name: `Customer${index} Benchperson${index}` },
      to: 'sales@privacy-bench.example',
      count: PERSON_EMAILS,
      sharedEvery: SHARED_EVERY,
      tag: `c${index}`,
    });
  }
  console.log('Indexing for search…');
  await indexOrganisation(knex, orgId);
  await knex.raw('VACUUM (ANALYZE)');

  const [person, baselineCustomer] = customers;
  const baselineStarted = performance.now();
  await knex.transaction(async (trx) => {
    const ids = trx('activity_links')
      .where({ org_id: orgId, record_type: 'contact', record_id: baselineCustomer!.id })
      .select('activity_id');
    await trx('activities').where({ org_id: orgId }).whereIn('id', ids).delete();
    await trx('contacts').where({ org_id: orgId, id: baselineCustomer!.id }).delete();
  });
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;

  const started = performance.now();
  const erased = await post('/api/v1/privacy/erasures', { contactId: person!.id });
  const seconds = (performance.now() - started) / 1000;
  if (erased.statusCode !== 201) throw new Error(`Erasure answered ${erased.statusCode}: ${erased.body}`);
  const result = erased.json() as Record<string, number>;

  const total = customers.length * PERSON_EMAILS;
  console.log(
    `\nErasing one person among ${customers.length} customers and ${total.toLocaleString('en')} filed emails`,
  );
  console.log(`  emails deleted:  ${result.emailsDeleted}, kept without them: ${result.activitiesRedacted}`);
  console.log(
    `  baseline (plain DELETE of another customer's ${PERSON_EMAILS.toLocaleString('en')} emails): ${baselineSeconds.toFixed(2)} s`,
  );
  console.log(`  erasure (POST /api/v1/privacy/erasures): ${seconds.toFixed(2)} s (target ≤ 10 s)`);
  await app.close();
  await database.close();
}

await main();
