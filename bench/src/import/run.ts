import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Import } from '@inbox-crm/shared';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, senderAddress } from '../lookup/data-set.js';
import { serveLookupDataSet } from '../lookup/data-set-server.js';
import { signIn, type ApiSession } from '../support/api-session.js';
import { measure, printTable, type Measurement } from '../support/measure.js';
import { contactsFile } from './contacts-file.js';
import { insertContactsBaseline } from './insert-baseline.js';
import { mailArchive } from './mail-archive-file.js';
import { parseArchiveBaseline } from './parse-baseline.js';

// CSV import on the lookup data set (1M contacts): 100,000 contacts with companies, matched by
// address and domain (target ≥ 5,000 rows/s), beside a baseline of plain multi-row INSERTs of the
// same number of contacts in the same run, the import running alone; then the sender view at 20
// connections beside a second import of as many rows, against its idle figure (target ≥ 70%). Each
// import is reverted when it ends, so the data set stays as the other benchmarks expect it.
const PORT = 3914;
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const MESSAGES = Number(process.env.BENCH_IMPORT_MESSAGES ?? 10_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const POOL_MAX = process.env.DATABASE_POOL_MAX ?? '8';
const TARGETS = { rowsPerSecond: 5_000, messagesPerSecond: 200, senderViewShare: 0.7 } as const;

const lookupPath = (n: number) => `/api/v1/lookup?email=${encodeURIComponent(senderAddress(n))}`;

const senderViewRound = (api: ApiSession) => ({
  url: api.baseUrl,
  connections: 20,
  headers: api.headers,
  pathFor: lookupPath,
});

const senderView = (api: ApiSession, name: string): Promise<Measurement> =>
  measure({ ...senderViewRound(api), name, durationSeconds: DURATION });

async function call<T>(api: ApiSession, method: string, path: string, body?: string): Promise<T> {
  const answer = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { ...api.headers, ...(body === undefined ? {} : { 'content-type': 'text/csv' }) },
    ...(body === undefined ? {} : { body }),
  });
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

async function until(api: ApiSession, id: string, done: (item: Import) => boolean): Promise<Import> {
  for (;;) {
    const item = await call<Import>(api, 'GET', `/api/v1/imports/${id}`);
    if (done(item)) return item;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits until no import of an earlier run is still working (a revert a stopped run left behind). */
async function earlierImportsSettled(api: ApiSession): Promise<void> {
  for (let told = false; ;) {
    const { items } = await call<{ items: Import[] }>(api, 'GET', '/api/v1/imports?limit=100');
    if (!items.some((item) => ['previewing', 'queued', 'running', 'reverting'].includes(item.status))) return;
    if (!told) console.log('Waiting for an earlier run’s import to finish its work…');
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

const seconds = (from: string | null, to: string | null) => (Date.parse(to!) - Date.parse(from!)) / 1000;

/** The mbox import: messages per second from start to end, beside parsing the same archive alone. */
async function importArchive(admin: ApiSession, run: string): Promise<void> {
  const archive = mailArchive(MESSAGES, run);
  const parseSeconds = await parseArchiveBaseline(archive);
  const answer = await fetch(`${admin.baseUrl}/api/v1/imports/mail?fileName=bench-${run}.mbox`, {
    method: 'POST',
    headers: { ...admin.headers, 'content-type': 'application/mbox' },
    body: archive,
  });
  if (!answer.ok) throw new Error(`upload: ${answer.status} ${await answer.text()}`);
  const uploaded = (await answer.json()) as Import;
  await call<Import>(admin, 'POST', `/api/v1/imports/${uploaded.id}/start`);
  const done = await until(admin, uploaded.id, (item) => !['queued', 'running'].includes(item.status));
  if (done.status !== 'done') throw new Error(`The archive import ended ${done.status}: ${done.failure}`);
  const read = Object.entries(done.result ?? {})
    .filter(([outcome]) => outcome !== 'accountsCreated')
    .reduce((sum, [, count]) => sum + count, 0);
  if (read !== MESSAGES) throw new Error(`The archive import read ${read} messages of ${MESSAGES}.`);
  const seconds = Date.parse(done.finishedAt!) / 1000 - Date.parse(done.startedAt!) / 1000;
  console.log(
    `\nImporting an mbox of ${MESSAGES.toLocaleString('en')} messages (${(archive.length / 1024 / 1024).toFixed(1)} MB)`,
  );
  console.log(`  result: ${JSON.stringify(done.result)}`);
  console.log(
    `  baseline (splitting and parsing the same archive with mailparser, no database): ${(MESSAGES / parseSeconds).toFixed(0)} messages/s`,
  );
  console.log(
    `  import (POST /api/v1/imports/mail, the worker's run): ${(MESSAGES / seconds).toFixed(0)} messages/s (${seconds.toFixed(1)} s; target ≥ ${TARGETS.messagesPerSecond})`,
  );
}

interface ContactsImport {
  result: string;
  seconds: number;
  revertSeconds: number;
  reverted: string;
}

/**
 * Uploads and imports a contacts file, waits for it to end (`beside` runs while it does), then
 * reverts it, so the data set stays as the other benchmarks expect it.
 */
async function importContacts<T>(
  admin: ApiSession,
  run: string,
  beside: () => Promise<T>,
): Promise<ContactsImport & { beside: T; outlasted: boolean }> {
  const file = contactsFile(ROWS, run);
  const uploaded = await call<Import>(
    admin,
    'POST',
    `/api/v1/imports?recordType=contact&fileName=bench-${run}.csv`,
    file,
  );
  await call<Import>(admin, 'POST', `/api/v1/imports/${uploaded.id}/start`);
  await until(admin, uploaded.id, (item) => item.status === 'running');
  const besideResult = await beside();
  const besideEnded = Date.now();
  const done = await until(admin, uploaded.id, (item) => !['queued', 'running'].includes(item.status));
  if (done.status !== 'done') throw new Error(`The import ended ${done.status}: ${done.failure}`);

  const revertStarted = performance.now();
  await call<Import>(admin, 'POST', `/api/v1/imports/${uploaded.id}/revert`);
  const reverted = await until(admin, uploaded.id, (item) => item.status !== 'reverting');
  return {
    result: JSON.stringify(done.result),
    seconds: seconds(done.startedAt, done.finishedAt),
    revertSeconds: (performance.now() - revertStarted) / 1000,
    reverted: JSON.stringify(reverted.reverted),
    beside: besideResult,
    outlasted: Date.parse(done.finishedAt!) >= besideEnded,
  };
}

/** The tables an import and its revert write, vacuumed so the next round does not meet their dead rows. */
const IMPORTED_TABLES = [
  'contacts',
  'contact_emails',
  'accounts',
  'account_domains',
  'audit_log',
  'import_rows',
  'import_made_accounts',
];

/** Waits for the database to settle after a round that wrote (or rolled back) 100,000 rows. */
async function settle(url: string): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(`VACUUM (ANALYZE) ${IMPORTED_TABLES.join(', ')}`);
  } finally {
    await db.end();
  }
}

const rowsPerSecond = (seconds: number) => `${(ROWS / seconds).toFixed(0)} rows/s (${seconds.toFixed(1)} s)`;

async function main(): Promise<void> {
  const { server, url, orgId } = await serveLookupDataSet(PORT, { DATABASE_POOL_MAX: POOL_MAX });
  const run = randomBytes(3).toString('hex');
  try {
    const admin = await signIn(server.url, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
    await earlierImportsSettled(admin);

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const baselineSeconds = await insertContactsBaseline(db, orgId, ROWS).finally(() => db.end());
    // Each round starts from a settled database: autovacuum cleaning up after the round before
    // would otherwise fall on the next one's figures.
    await settle(url);

    await measure({ ...senderViewRound(admin), name: 'warm-up', durationSeconds: Math.min(DURATION, 5) });
    console.log(`\nThe sender view at 20 connections, idle (${DURATION} s)…`);
    const idle = await senderView(admin, 'GET /api/v1/lookup, idle');

    console.log(`Importing ${ROWS.toLocaleString('en')} contacts with companies, alone…`);
    const alone = await importContacts(admin, `${run}a`, async () => undefined);
    await settle(url);

    console.log('The sender view beside a second import…');
    const second = await importContacts(admin, `${run}b`, () =>
      senderView(admin, 'GET /api/v1/lookup, beside the import'),
    );
    await settle(url);

    console.log(`\nImporting ${ROWS.toLocaleString('en')} contacts with companies into 1M (with dedupe)`);
    console.log(`  result: ${alone.result}`);
    console.log(
      `  baseline (plain multi-row INSERTs of as many contacts and addresses): ${rowsPerSecond(baselineSeconds)}`,
    );
    console.log(
      `  import (POST /api/v1/imports, the worker's run), alone: ${rowsPerSecond(alone.seconds)}; target ≥ ${TARGETS.rowsPerSecond}`,
    );
    console.log(`  the same beside the sender view (giving way to it): ${rowsPerSecond(second.seconds)}`);
    console.log(`  revert: ${alone.revertSeconds.toFixed(1)} s (${alone.reverted})`);
    console.log('\nThe sender view, idle and beside the import:');
    printTable([idle, second.beside]);
    const share = second.beside.requestsPerSecond / idle.requestsPerSecond;
    console.log(
      `\nBeside the import the sender view keeps ${(share * 100).toFixed(0)}% of its throughput (target ≥ ${TARGETS.senderViewShare * 100}%)${second.outlasted ? '' : '; the import ended before the round did, so part of the round ran beside nothing'}.`,
    );
    await importArchive(admin, run);
  } finally {
    await server.stop();
  }
}

await main();
