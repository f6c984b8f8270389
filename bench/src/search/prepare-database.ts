import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { prepareDataSet } from '../support/prepared-data-set.js';
import {
  ACCOUNTS,
  BENCH_ADMIN_EMAIL,
  BENCH_ADMIN_PASSWORD,
  BENCH_ORG_NAME,
  CONTACTS,
  EMAILS,
  accountId,
  contactId,
} from './data-set.js';
import { createOwners } from './owners.js';

export const DATABASE_NAME = 'inboxcrm_bench_search';
const LOADERS = 2;

const uuidSql = (kind: string, expression: string) =>
  `('${kind}0000000-0000-4000-8000-' || lpad(to_hex(${expression}), 12, '0'))::uuid`;

async function loadRecords(client: pg.Client, orgId: string): Promise<void> {
  await createOwners(client, orgId);
  await client.query(
    `INSERT INTO accounts (org_id, id, name, search_text)
     SELECT $1, ${uuidSql('a', 'g')}, 'Company ' || g, 'company ' || g FROM generate_series(0, ${ACCOUNTS - 1}) g`,
    [orgId],
  );
  await client.query(
    `INSERT INTO account_domains (org_id, domain, account_id)
     SELECT $1, 'company' || g || '.example', ${uuidSql('a', 'g')} FROM generate_series(0, ${ACCOUNTS - 1}) g`,
    [orgId],
  );
  await client.query(
    `INSERT INTO contacts (org_id, id, first_name, last_name, account_id, search_text)
     SELECT $1, ${uuidSql('c', 'g')}, 'First' || g, 'Last' || g, ${uuidSql('a', `g % ${ACCOUNTS}`)}, 'first' || g || ' last' || g
     FROM generate_series(0, ${CONTACTS - 1}) g`,
    [orgId],
  );
  await client.query(
    `INSERT INTO contact_emails (org_id, email, contact_id, position)
     SELECT $1, 'person' || g || '@company' || (g % ${ACCOUNTS}) || '.example', ${uuidSql('c', 'g')}, 0
     FROM generate_series(0, ${CONTACTS - 1}) g`,
    [orgId],
  );
  // Sanity: the SQL ids and the loaders' ids are made the same way.
  const { rows } = await client.query('SELECT id FROM contacts WHERE org_id = $1 AND id = $2', [
    orgId,
    contactId(7),
  ]);
  if (rows.length !== 1 || accountId(7).length !== 36) throw new Error('The data set’s ids do not agree');
}

/** Runs the loader processes over disjoint ranges of the emails, printing their progress. */
async function loadEmails(url: string, orgId: string): Promise<void> {
  const script = fileURLToPath(new URL('./load-emails.js', import.meta.url));
  let done = 0;
  const started = Date.now();
  const share = Math.ceil(EMAILS / LOADERS);
  await Promise.all(
    Array.from({ length: LOADERS }, (_, i) => {
      const child = fork(script, {
        env: {
          ...process.env,
          DATABASE_URL: url,
          BENCH_ORG_ID: orgId,
          BENCH_FROM: String(i * share),
          BENCH_TO: String(Math.min(EMAILS, (i + 1) * share)),
        },
      });
      child.on('message', (message: { done: number }) => {
        done += message.done;
        const rate = done / ((Date.now() - started) / 1000);
        process.stdout.write(
          `\r  emails: ${done.toLocaleString('en')} / ${EMAILS.toLocaleString('en')} (${rate.toFixed(0)}/s)`,
        );
      });
      return new Promise<void>((resolve, reject) =>
        child.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`a loader exited with ${code}`)),
        ),
      );
    }),
  );
  process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}

/** Loads the emails with the GIN index dropped and builds it once after, as a bulk load would. */
async function loadEmailsAndIndex(client: pg.Client, url: string, orgId: string): Promise<void> {
  await loadRecords(client, orgId);
  await client.query('DROP INDEX activity_search_document');
  await loadEmails(url, orgId);
  const started = Date.now();
  process.stdout.write('  building the GIN index…');
  await client.query("SET maintenance_work_mem = '1GB'");
  await client.query('CREATE INDEX activity_search_document ON activity_search USING gin (document)');
  process.stdout.write(` (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  await client.query('VACUUM (ANALYZE)');
}

/** The search data set's database, loaded on first use; its rows are the server's own documents. */
export function prepareDatabase(serverUrl: string, reload: boolean): Promise<{ url: string; orgId: string }> {
  return prepareDataSet(
    serverUrl,
    {
      name: DATABASE_NAME,
      organisation: {
        name: BENCH_ORG_NAME,
        adminEmail: BENCH_ADMIN_EMAIL,
        adminPassword: BENCH_ADMIN_PASSWORD,
      },
      describe: `${EMAILS.toLocaleString('en')} emails (2–10 KB bodies)`,
      load: (client, { url, orgId }) => loadEmailsAndIndex(client, url, orgId),
    },
    reload,
  );
}
