import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import {
  createOrganisationWithAdmin,
  openPostgres,
  runMigrations,
  secretBox,
  type Database,
} from '@inbox-crm/server';
import { startDovecot, type Dovecot, type ImapUser } from '@inbox-crm/server/testing';
import { startChildServer } from '../support/child-server.js';
import { recreateDatabase } from '../support/bench-database.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const DATABASE = 'inboxcrm_bench_service_desk';
const SERVER = fileURLToPath(new URL('../../../server/dist/server.js', import.meta.url));
const SECRETS_KEY = 'bench-secrets-key-'.padEnd(48, 'x');
const SUPPORT: ImapUser = { user: 'support@ourco.example', password: 'bench-imap' };
const BASELINE: ImapUser = { user: 'baseline@ourco.example', password: 'bench-imap' };
/** Connections appending at once: faster than the ingestion, so the ingestion is what is measured. */
const APPENDERS = 4;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** A customer's first message: 2,000 senders at 400 companies, a few paragraphs, unique subject. */
function message(index: number): { messageId: string; raw: string } {
  const messageId = `<bench-${index}-${Date.now()}@customer.example>`;
  const company = index % 400;
  const raw = [
    `From: Customer ${index % 2000} <customer${index % 2000}@company${company}.example>`,
    `To: ${SUPPORT.user}`,
    `Subject: Question number ${index} about order ${100_000 + index}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...Array.from(
      { length: 8 },
      (_, line) => `Line ${line} of message ${index}: the parcel has not arrived and tracking shows nothing.`,
    ),
    '',
  ].join('\r\n');
  return { messageId, raw };
}

async function connect(dovecot: Dovecot, user: ImapUser): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: user.user, pass: user.password },
    logger: false,
  });
  await client.connect();
  return client;
}

/** Appends the messages over several connections; answers when each was appended, by Message-ID. */
async function appendAll(dovecot: Dovecot, user: ImapUser, count: number): Promise<Map<string, number>> {
  const appendedAt = new Map<string, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: APPENDERS }, async () => {
      const client = await connect(dovecot, user);
      while (next < count) {
        const { messageId, raw } = message(next++);
        await client.append('INBOX', raw);
        appendedAt.set(messageId.slice(1, -1), Date.now());
      }
      await client.logout();
    }),
  );
  return appendedAt;
}

/** The baseline: fetching the same messages' sources over IMAP in the readers' batches, no database. */
async function fetchOnly(dovecot: Dovecot, count: number): Promise<number> {
  await appendAll(dovecot, BASELINE, count);
  const client = await connect(dovecot, BASELINE);
  await client.mailboxOpen('INBOX');
  const started = performance.now();
  let fetched = 0;
  for (let first = 1; first <= count; first += 25) {
    const range = `${first}:${Math.min(first + 24, count)}`;
    for await (const item of client.fetch(range, { uid: true, source: true }, { uid: true })) {
      if (item.source) fetched += 1;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await client.logout();
  return fetched / seconds;
}

async function connectMailbox(database: Database, orgId: string): Promise<string> {
  const id = '01a00000-0000-7000-8000-00000000b001';
  await database.knex('support_mailboxes').insert({
    org_id: orgId,
    id,
    name: 'Support',
    address: SUPPORT.user,
    host: '127.0.0.1',
    port: 143,
    security: 'none',
    username: SUPPORT.user,
    auth_method: 'password',
    sealed_secret: secretBox(SECRETS_KEY).seal(SUPPORT.password, `support-mailbox:${orgId}:${id}`),
  });
  return id;
}

async function waitFor(what: string, done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server: two server instances share it.');
  const url = await recreateDatabase(serverUrl, DATABASE);
  const database = openPostgres(url, 4);
  await runMigrations(database.knex);
  const { organisationId: orgId } = await database.knex.transaction((trx) =>
    createOrganisationWithAdmin(trx, {
      name: 'Service desk bench',
      adminEmail: 'admin@ourco.example',
      adminPassword: 'bench password',
      adminName: 'Bench Admin',
    }),
  );
  await database
    .knex('organisations')
    .where({ id: orgId })
    .update({ own_domains: ['ourco.example'] });
  const dovecot = await startDovecot([SUPPORT, BASELINE]);
  try {
    console.log(`Baseline: fetching ${MESSAGES} messages over IMAP without a database…`);
    const baseline = await fetchOnly(dovecot, MESSAGES);

    const mailboxId = await connectMailbox(database, orgId);
    await database.knex('support_mailboxes').where({ id: mailboxId }).update({ port: dovecot.port });
    const env = { DATABASE_URL: url, SECRETS_KEY, MAILBOX_ALLOW_PRIVATE: 'true', WORKER: 'true' };
    const servers = [await startChildServer(SERVER, 3931, env), await startChildServer(SERVER, 3932, env)];
    try {
      await waitFor(
        'the mailbox to connect',
        async () =>
          ((await database.knex('support_mailboxes').where({ id: mailboxId }).first()) as { status: string })
            .status === 'connected',
        60_000,
      );
      console.log(`Appending ${MESSAGES} messages while two server instances read the mailbox…`);
      const appendedAt = await appendAll(dovecot, SUPPORT, MESSAGES);
      const received = () =>
        database.knex('support_mail_received').where({ mailbox_id: mailboxId }).count('* as n').first();
      await waitFor(
        'every message to be taken in',
        async () => Number((await received())!.n) >= MESSAGES,
        15 * 60_000,
      );
      // A moment more, so that a message counted twice would show.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await report(database, orgId, mailboxId, appendedAt, baseline);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  } finally {
    await dovecot.close();
    await database.close();
  }
}

async function report(
  database: Database,
  orgId: string,
  mailboxId: string,
  appendedAt: Map<string, number>,
  baseline: number,
): Promise<void> {
  const rows = (await database
    .knex('support_mail_received as r')
    .join('cases as c', (join) => join.on('c.org_id', 'r.org_id').andOn('c.id', 'r.case_id'))
    .where({ 'r.mailbox_id': mailboxId })
    .select('r.message_key', 'r.outcome', 'c.created_at')) as {
    message_key: string;
    outcome: string;
    created_at: Date;
  }[];
  const cases = Number((await database.knex('cases').where({ org_id: orgId }).count('* as n').first())!.n);
  const opened = rows.filter((row) => row.outcome === 'case_opened');
  const keys = new Set(opened.map((row) => row.message_key));
  const delays = opened
    .map((row) => row.created_at.getTime() - (appendedAt.get(row.message_key) ?? NaN))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const firstAppend = Math.min(...appendedAt.values());
  const lastCase = Math.max(...opened.map((row) => row.created_at.getTime()));
  const perSecond = keys.size / ((lastCase - firstAppend) / 1000);
  const lost = [...appendedAt.keys()].filter((key) => !keys.has(key)).length;
  console.log('');
  console.log(`messages appended                                    ${appendedAt.size}`);
  console.log(`baseline: fetched over IMAP, no database              ${baseline.toFixed(0)} /s`);
  console.log(
    `taken in as cases by two server instances             ${perSecond.toFixed(0)} /s   (target ≥ 200)`,
  );
  console.log(
    `delay from append to case   p50 ${percentile(delays, 50)} ms   p99 ${percentile(delays, 99)} ms`,
  );
  console.log(`lost         ${lost}`);
  console.log(`duplicated   ${cases - keys.size + (opened.length - keys.size)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
