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

/** Messages waiting in the mailbox when the servers start: their intake is the throughput measured. */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
/** Messages taken in before, so that the CRM has a history (and statistics) when the measure starts. */
const WARM_UP_MESSAGES = Number(process.env.BENCH_WARM_UP_MESSAGES ?? 1_000);
/** Messages appended while the servers read, once they have caught up: their delay is measured. */
const LIVE_MESSAGES = Number(process.env.BENCH_LIVE_MESSAGES ?? 1_000);
const DATABASE = 'inboxcrm_bench_service_desk';
const SERVER = fileURLToPath(new URL('../../../server/dist/server.js', import.meta.url));
const SECRETS_KEY = 'bench-secrets-key-'.padEnd(48, 'x');
const SUPPORT: ImapUser = { user: 'support@ourco.example', password: 'bench-imap' };
const BASELINE: ImapUser = { user: 'baseline@ourco.example', password: 'bench-imap' };
/** Connections appending at once. */
const APPENDERS = 4;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Who writes: `people` senders at `companies` companies. */
interface Senders {
  name: string;
  local: string;
  domain: string;
  people: number;
  companies: number;
}

/** The customers of the measured messages: 2,000 senders at 400 companies, new to the CRM. */
const CUSTOMERS: Senders = {
  name: 'Customer',
  local: 'customer',
  domain: 'company',
  people: 2000,
  companies: 400,
};
/** The customers whose mail the CRM took in before: its history when the measured mail arrives. */
const EARLIER: Senders = {
  name: 'Earlier',
  local: 'earlier',
  domain: 'earlier-company',
  people: 1000,
  companies: 200,
};

/** A customer's message: a few paragraphs, unique subject. */
function message(index: number, senders: Senders): { messageId: string; raw: string } {
  const messageId = `<bench-${senders.local}-${index}-${Date.now()}@customer.example>`;
  const person = index % senders.people;
  const address = `${senders.local}${person}@${senders.domain}${index % senders.companies}.example`;
  const raw = [
    `From: ${senders.name} ${person} <${address}>`,
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

/**
 * Appends messages `first` to `first + count - 1` over several connections; answers when each was
 * appended, by Message-ID.
 */
async function appendAll(
  dovecot: Dovecot,
  user: ImapUser,
  count: number,
  first = 0,
  senders = CUSTOMERS,
): Promise<Map<string, number>> {
  const appendedAt = new Map<string, number>();
  let next = first;
  await Promise.all(
    Array.from({ length: APPENDERS }, async () => {
      const client = await connect(dovecot, user);
      while (next < first + count) {
        const { messageId, raw } = message(next++, senders);
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
    read_existing: true,
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
    const received = async () =>
      Number(
        (await database
          .knex('support_mail_received')
          .where({ mailbox_id: mailboxId })
          .count('* as n')
          .first())!.n,
      );
    const env = { DATABASE_URL: url, SECRETS_KEY, MAILBOX_ALLOW_PRIVATE: 'true', WORKER: 'true' };
    const startServers = () =>
      Promise.all([startChildServer(SERVER, 3931, env), startChildServer(SERVER, 3932, env)]);

    console.log(`Warming up: ${WARM_UP_MESSAGES} messages from earlier customers…`);
    await appendAll(dovecot, SUPPORT, WARM_UP_MESSAGES, 0, EARLIER);
    const warming = await startServers();
    await waitFor('the warm-up', async () => (await received()) >= WARM_UP_MESSAGES, 10 * 60_000);
    await Promise.all(warming.map((server) => server.stop()));
    // As autovacuum would in a running system (this machine's PostgreSQL has it switched off).
    await database.knex.raw('VACUUM (ANALYZE)');

    console.log(`Appending ${MESSAGES} messages while the servers are stopped…`);
    const waiting = await appendAll(dovecot, SUPPORT, MESSAGES);
    console.log('Two server instances take them in…');
    const servers = await startServers();
    try {
      await waitFor(
        'every waiting message to be taken in',
        async () => (await received()) >= WARM_UP_MESSAGES + MESSAGES,
        30 * 60_000,
      );
      console.log(`Appending ${LIVE_MESSAGES} more while they read…`);
      const appendStarted = Date.now();
      const live = await appendAll(dovecot, SUPPORT, LIVE_MESSAGES, MESSAGES);
      const appendRate = LIVE_MESSAGES / ((Date.now() - appendStarted) / 1000);
      await waitFor(
        'every live message to be taken in',
        async () => (await received()) >= WARM_UP_MESSAGES + MESSAGES + LIVE_MESSAGES,
        10 * 60_000,
      );
      // A moment more, so that a message counted twice would show.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await report(database, orgId, mailboxId, { waiting, live, appendRate, baseline });
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  } finally {
    await dovecot.close();
    await database.close();
  }
}

interface Appended {
  /** When each message that waited for the servers was appended, by Message-ID. */
  waiting: Map<string, number>;
  /** When each message appended while they read was appended. */
  live: Map<string, number>;
  /** Messages a second the live appends reached. */
  appendRate: number;
  /** IMAP fetches a second without a database. */
  baseline: number;
}

async function report(
  database: Database,
  orgId: string,
  mailboxId: string,
  appended: Appended,
): Promise<void> {
  const rows = (await database
    .knex('support_mail_received as r')
    .join('cases as c', (join) => join.on('c.org_id', 'r.org_id').andOn('c.id', 'r.case_id'))
    .where({ 'r.mailbox_id': mailboxId, 'r.outcome': 'case_opened' })
    .select('r.message_key', 'c.created_at')) as { message_key: string; created_at: Date }[];
  const cases = Number((await database.knex('cases').where({ org_id: orgId }).count('* as n').first())!.n);
  const openedAt = new Map(rows.map((row) => [row.message_key, row.created_at.getTime()]));
  const backlog = rows
    .filter((row) => appended.waiting.has(row.message_key))
    .map((row) => row.created_at.getTime());
  const perSecond = (backlog.length - 1) / ((Math.max(...backlog) - Math.min(...backlog)) / 1000);
  const delays = [...appended.live]
    .map(([key, at]) => (openedAt.get(key) ?? NaN) - at)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const all = [...appended.waiting.keys(), ...appended.live.keys()];
  const lost = all.filter((key) => !openedAt.has(key)).length;
  console.log('');
  console.log(`baseline: fetched over IMAP, no database                 ${appended.baseline.toFixed(0)} /s`);
  console.log(
    `${appended.waiting.size} waiting messages taken in as cases by two instances  ${perSecond.toFixed(0)} /s   (target ≥ 200)`,
  );
  console.log(
    `${appended.live.size} appended while they read (${appended.appendRate.toFixed(0)} /s): append → case p50 ${percentile(delays, 50)} ms   p99 ${percentile(delays, 99)} ms`,
  );
  console.log(`lost         ${lost}`);
  console.log(`duplicated   ${cases - openedAt.size + (rows.length - openedAt.size)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
