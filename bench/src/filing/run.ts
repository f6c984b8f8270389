import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { signIn } from '../support/api-session.js';
import { startChildServer } from '../support/child-server.js';
import { measure, median, printTable, type Measurement } from '../support/measure.js';
import {
  accountId,
  accountOfContact,
  BENCH_ADMIN_EMAIL,
  BENCH_ADMIN_PASSWORD,
  contactAddress,
  contactId,
} from '../lookup/data-set.js';
import { lookupDataSetDatabase } from '../lookup/prepare-database.js';
import { emailJson } from './email-to-file.js';

const CONNECTIONS = 20;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_SECONDS = 3;
const POOL_MAX = process.env.DATABASE_POOL_MAX ?? '4';
const TARGET_EMAILS_PER_SECOND = 500;
const TARGET_MEGABYTES_PER_SECOND = 50;
const ATTACHMENT_BYTES = 1024 * 1024;

/** The contact every email is filed to, and the account it works for. */
const CONTACT = 1;

/** Runs `work` on a connection of its own to the benchmark's database. */
async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const adminId = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      BENCH_ADMIN_EMAIL,
    ]);
    return rows[0]!.id;
  });

/**
 * Deletes the run's emails that kept a megabyte of content (the database's own trigger releases
 * the content): the plain filings stay, as in the other benchmarks, but a run's attachments are
 * gigabytes, and a database left growing by that much a run measures slower each time.
 */
async function deleteFilingsWithContent(url: string, orgId: string, run: string): Promise<void> {
  await withClient(url, (client) =>
    client.query(
      `DELETE FROM activities a USING email_attachment_contents u
       WHERE u.org_id = a.org_id AND u.activity_id = a.id AND a.org_id = $1 AND a.message_key LIKE $2`,
      [orgId, `%filing-${run}-%`],
    ),
  );
}

const megabytesPerSecond = (row: Measurement) => (row.requestsPerSecond * ATTACHMENT_BYTES) / 1024 ** 2;

function report(rows: [Measurement, Measurement, Measurement, Measurement]): void {
  const [bareFiling, filing, bareAttached, attached] = rows;
  console.log('');
  printTable(rows);
  const share = (100 * filing.requestsPerSecond) / bareFiling.requestsPerSecond;
  console.log(
    `\nfiling = ${filing.requestsPerSecond.toFixed(0)} emails/s (target ≥ ${TARGET_EMAILS_PER_SECOND}): ${filing.requestsPerSecond >= TARGET_EMAILS_PER_SECOND ? 'met' : 'NOT met'}; ${share.toFixed(0)}% of the bare insert`,
  );
  const stored = megabytesPerSecond(attached);
  console.log(
    `attachment content stored = ${stored.toFixed(1)} MB/s (target ≥ ${TARGET_MEGABYTES_PER_SECOND}): ${stored >= TARGET_MEGABYTES_PER_SECOND ? 'met' : 'NOT met'}; the bare insert stores ${megabytesPerSecond(bareAttached).toFixed(1)} MB/s`,
  );
}

async function main(): Promise<void> {
  const { url, orgId } = await lookupDataSetDatabase();
  const bare = await startChildServer(
    fileURLToPath(new URL('./bare-insert-server.js', import.meta.url)),
    3911,
    {
      DATABASE_URL: url,
      DATABASE_POOL_MAX: POOL_MAX,
      BENCH_ORG_ID: orgId,
      BENCH_USER_ID: await adminId(url),
    },
  );
  const product = await startChildServer(
    fileURLToPath(new URL('../../../server/dist/server.js', import.meta.url)),
    3912,
    {
      DATABASE_URL: url,
      DATABASE_POOL_MAX: POOL_MAX,
      JWT_SECRET: randomBytes(32).toString('hex'),
      // Every run keeps what it filed: the benchmark measures storing content, not the quota.
      ATTACHMENT_STORAGE_MAX_BYTES: '1TB',
    },
  );
  let run = '';
  try {
    const { headers } = await signIn(product.url, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
    const from = contactAddress(CONTACT);
    const links = [{ type: 'contact' as const, id: contactId(CONTACT) }];
    // Each measurement files emails of its own: the run, the measurement and a counter name each one.
    run = Date.now().toString(36);
    let measurements = 0;
    const route = (base: string, path: string, auth: Record<string, string>, attachment: Buffer | null) => {
      const name = `${run}-${(measurements += 1)}`;
      return {
        url: base,
        headers: auth,
        pathFor: () => path,
        bodyFor: (n: number) => emailJson(name, n, from, links, attachment),
      };
    };
    const attachment = randomBytes(ATTACHMENT_BYTES);
    const scenarios = [
      {
        name: 'bare insert of the same rows (baseline)',
        route: () => route(bare.url, '/bare-file', {}, null),
      },
      {
        name: 'POST /api/v1/emails (filing)',
        route: () => route(product.url, '/api/v1/emails', headers, null),
      },
      {
        name: 'bare insert, 1 MB attachment (baseline)',
        route: () => route(bare.url, '/bare-file', {}, attachment),
      },
      {
        name: 'POST /api/v1/emails, 1 MB attachment',
        route: () => route(product.url, '/api/v1/emails', headers, attachment),
      },
    ];
    console.log(
      `\nFiling unique 20 KB emails to one contact (${from}, of account ${accountId(accountOfContact(CONTACT))}), then each with a unique 1 MB attachment: warming up, then ${ROUNDS} rounds of ${DURATION_SECONDS} s per route, alternating, at ${CONNECTIONS} connections; both servers have ${POOL_MAX} database connections…`,
    );
    const load = { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS };
    for (const scenario of scenarios) {
      await measure({ name: 'warm-up', ...load, durationSeconds: WARM_UP_SECONDS, ...scenario.route() });
    }
    // Alternating rounds spread the machine's drift over every route; the median round of each is reported.
    const rounds = scenarios.map((): Measurement[] => []);
    for (let n = 0; n < ROUNDS; n += 1) {
      for (const [index, scenario] of scenarios.entries()) {
        rounds[index]!.push(await measure({ name: scenario.name, ...load, ...scenario.route() }));
      }
    }
    report(rounds.map(median) as [Measurement, Measurement, Measurement, Measurement]);
  } finally {
    await Promise.all([bare.stop(), product.stop()]);
    if (run) await deleteFilingsWithContent(url, orgId, run);
  }
}

await main();
