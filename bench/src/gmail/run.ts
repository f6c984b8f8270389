import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fakeGoogleSigner,
  multipartMessage,
  OAUTH_CLIENT_ID,
  PUBLIC_URL,
  SERVICE_ACCOUNT,
  startGmailStandIn,
  type FakeGoogleSigner,
  type GmailStandIn,
} from '@inbox-crm/addin-gmail/testing';
import { ensureDatabase } from '../support/bench-database.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { cpuMicrosOfProcessesNamed } from '../support/process-cpu.js';
import { measure, median, printTable, type LoadOptions, type Measurement } from '../support/measure.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// 'card' or 'lookup' runs that route alone (to profile it with BENCH_PROFILE_DIR); both by default.
const ONLY = process.env.BENCH_ONLY ?? '';
const PORT = 3924;
const GMAIL_LATENCY_MS = 50;
// The card's floor is Gmail's answer plus the sender view; this is what issue 20 allows on top.
const TARGET_P99_MS = 75;
const DEMO_ADMIN = { email: 'admin@demo.inboxcrm.test', password: 'demo' };

/**
 * The product as deployed, in its own process: its database (PostgreSQL at DATABASE_URL, else the
 * embedded one in a fresh data directory) with the demo company, the Gmail add-on configured, the
 * Gmail API at the stand-in, and Google's keys answered once (google-keys-once.ts).
 */
async function startProduct(
  google: FakeGoogleSigner,
  gmailApi: GmailStandIn,
  dataDir: string,
): Promise<ChildServer> {
  const serverUrl = process.env.DATABASE_URL;
  const database: Record<string, string> = serverUrl
    ? { DATABASE_URL: await ensureDatabase(serverUrl, 'inboxcrm_bench_gmail'), DATABASE_POOL_MAX: '4' }
    : { DATABASE_URL: '', DATA_DIR: dataDir };
  return startChildServer(
    fileURLToPath(new URL('../../../server/dist/server.js', import.meta.url)),
    PORT,
    {
      ...database,
      DEMO_DATA: 'true',
      JWT_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_URL,
      GMAIL_SERVICE_ACCOUNT: SERVICE_ACCOUNT,
      GMAIL_OAUTH_CLIENT_ID: OAUTH_CLIENT_ID,
      GMAIL_API_URL: gmailApi.url,
      BENCH_GOOGLE_CERTS: JSON.stringify(google.certs),
      // As deployed: the default level logs a line per request.
      LOG_LEVEL: 'info',
    },
    ['--import', fileURLToPath(new URL('./google-keys-once.js', import.meta.url))],
  );
}

async function api<T>(url: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const reply = await fetch(`${url}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!reply.ok) throw new Error(`${path}: ${reply.status} ${await reply.text()}`);
  return (await reply.json()) as T;
}

/** The demo admin with a customer of their own: a company, a contact there with an open deal, a case and a call. */
async function seed(url: string, contactAddress: string): Promise<string> {
  const { accessToken } = await api<{ accessToken: string }>(url, '/auth/login', null, DEMO_ADMIN);
  const account = await api<{ id: string }>(url, '/accounts', accessToken, {
    name: 'Northwind Traders',
    domains: [contactAddress.split('@')[1]!],
  });
  const contact = await api<{ id: string }>(url, '/contacts', accessToken, {
    firstName: 'Priya',
    lastName: 'Raman',
    accountId: account.id,
    emails: [contactAddress],
  });
  await api(url, '/opportunities', accessToken, {
    name: 'Fleet renewal',
    accountId: account.id,
    contactId: contact.id,
  });
  await api(url, '/cases', accessToken, {
    subject: 'Wrong VAT rate',
    accountId: account.id,
    contactId: contact.id,
  });
  await api(url, '/activities', accessToken, {
    type: 'call',
    subject: 'Renewal terms',
    links: [{ type: 'contact', id: contact.id }],
  });
  return accessToken;
}

async function main(): Promise<void> {
  // Each run its own customer, so runs on one database never match each other's.
  const contactAddress = `priya.raman@northwind-${randomBytes(4).toString('hex')}.example`;
  const messageId = `bench-1@${contactAddress.split('@')[1]}`;
  const message = {
    gmailId: '18cbenchmessage',
    raw: multipartMessage({ messageId, from: `Priya Raman <${contactAddress}>`, to: DEMO_ADMIN.email }),
  };
  const tokens = { oauth: 'ya29.bench', access: 'gm.bench' };
  // Google's side, outside the product's process: its signing keys, and the Gmail API answering in 50 ms.
  const google = fakeGoogleSigner({ publish: false });
  const gmailApi = await startGmailStandIn(message, tokens, { delayMs: GMAIL_LATENCY_MS });
  const dataDir = await mkdtemp(join(tmpdir(), 'inboxcrm-bench-gmail-'));
  let product: ChildServer | null = null;
  try {
    product = await startProduct(google, gmailApi, dataDir);
    const token = await seed(product.url, contactAddress);
    const event = JSON.stringify({
      commonEventObject: {
        hostApp: 'GMAIL',
        platform: 'WEB',
        userLocale: 'en-GB',
        timeZone: { id: 'Europe/London', offset: 0 },
      },
      authorizationEventObject: {
        userIdToken: google.userToken(DEMO_ADMIN.email),
        userOAuthToken: tokens.oauth,
      },
      gmail: { messageId: message.gmailId, threadId: 't-bench', accessToken: tokens.access },
    });

    // The product's CPU and, when the database runs on this machine, its backends'.
    const cpuReaders = {
      product: product.cpuMicros,
      PostgreSQL: () => cpuMicrosOfProcessesNamed('postgres'),
    };
    const card: Omit<LoadOptions, 'name' | 'durationSeconds'> = {
      url: product.url,
      connections: CONNECTIONS,
      headers: { authorization: `Bearer ${google.systemToken(`${PUBLIC_URL}/gmail/message`)}` },
      body: event,
      pathFor: () => '/gmail/message',
      cpuReaders,
    };
    const lookup: Omit<LoadOptions, 'name' | 'durationSeconds'> = {
      url: product.url,
      connections: CONNECTIONS,
      headers: { authorization: `Bearer ${token}` },
      pathFor: () =>
        `/api/v1/lookup?email=${encodeURIComponent(contactAddress)}&messageId=${encodeURIComponent(messageId)}&timelineLimit=5`,
      cpuReaders,
    };
    console.log(
      `\nGmail message card (Gmail API answering in ${GMAIL_LATENCY_MS} ms from another process) against GET /lookup, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_SECONDS} s, on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'the embedded database'}…`,
    );
    // One card alone first: the product fetches Google's keys with it, once; it must show the contact.
    const first = await fetch(`${product.url}/gmail/message`, {
      method: 'POST',
      headers: { ...card.headers, 'content-type': 'application/json' },
      body: event,
    });
    const drawn = await first.text();
    if (!first.ok || !drawn.includes('Priya Raman') || !drawn.includes('Fleet renewal')) {
      throw new Error(`The card does not show the customer: ${first.status} ${drawn.slice(0, 400)}`);
    }
    const routes = [
      { ...lookup, name: 'GET /api/v1/lookup (baseline)', key: 'lookup' },
      { ...card, name: 'POST /gmail/message (card)', key: 'card' },
    ].filter((route) => route.key.includes(ONLY));
    for (const route of routes) await measure({ ...route, name: 'warm-up', durationSeconds: 2 });
    const rounds = routes.map((): Measurement[] => []);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, route] of routes.entries()) {
        rounds[index]!.push(await measure({ ...route, durationSeconds: DURATION_SECONDS }));
      }
    }
    console.log('');
    const medians = rounds.map(median);
    printTable(medians);
    if (gmailApi.reads.some((format) => format !== 'metadata')) {
      console.log('\nNote: a card read a whole message, not its headers only.');
    }
    const cardMedian = medians[routes.findIndex((route) => route.key === 'card')];
    if (cardMedian) {
      console.log(
        `\ncard p99 = ${cardMedian.p99.toFixed(1)} ms with Gmail at ${GMAIL_LATENCY_MS} ms (target ≤ ${TARGET_P99_MS} ms): ${cardMedian.p99 <= TARGET_P99_MS ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await product?.stop();
    await gmailApi.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
