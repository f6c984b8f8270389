import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { signIn } from '../support/api-session.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { measure, median, printTable, type Measurement } from '../support/measure.js';
import {
  BENCH_ADMIN_EMAIL,
  BENCH_ADMIN_PASSWORD,
  contactAddress,
  contactId,
  generateEmail,
} from './data-set.js';
import { prepareDatabase } from './prepare-database.js';
import { queryScenarios } from './scenarios.js';
import { Vocabulary } from './vocabulary.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const POOL_MAX = process.env.DATABASE_POOL_MAX ?? '4';
const SERVER = fileURLToPath(new URL('./server.js', import.meta.url));
/** `queries` or `filing` measures that part alone. */
const ONLY = process.env.BENCH_ONLY ?? '';

/** Median rounds of alternating measurements: each round measures every load once, in order. */
async function alternate(loads: Parameters<typeof measure>[0][]): Promise<Measurement[]> {
  const rounds = loads.map(() => [] as Measurement[]);
  for (const load of loads) await measure({ ...load, durationSeconds: 2 });
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [i, load] of loads.entries()) rounds[i]!.push(await measure(load));
  }
  return rounds.map(median);
}

async function indexSizes(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ emails: string; documents: string; gin: string; recent: string }>(
      `SELECT (SELECT count(*) FROM activity_search) AS emails,
              pg_table_size('activity_search') AS documents,
              pg_relation_size('activity_search_document') AS gin,
              pg_relation_size('activity_search_recent') + pg_relation_size('activity_search_pkey') AS recent`,
    );
    const row = rows[0]!;
    const per = (bytes: string) => `${(Number(bytes) / Number(row.emails) / 1024).toFixed(2)} KB`;
    return `Index size per email (${Number(row.emails).toLocaleString('en')} indexed): documents ${per(row.documents)}, GIN ${per(row.gin)}, btrees ${per(row.recent)}`;
  } finally {
    await client.end();
  }
}

/** A filing of a new email (its own Message-ID), 2–10 KB like the data set's, to a contact. */
function filingBody(vocabulary: Vocabulary, run: string, n: number): string {
  const email = generateEmail(vocabulary, 50_000_000 + n);
  return JSON.stringify({
    messageId: `<filing.${run}.${n}@search-bench.example>`,
    subject: email.subject,
    from: { email: contactAddress(email.contact), name: `First${email.contact}` },
    to: [{ email: 'admin@search-bench.example', name: 'Admin' }],
    sentAt: new Date().toISOString(),
    bodyText: email.body,
    source: 'api',
    links: [{ type: 'contact', id: contactId(email.contact) }],
  });
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error('Set DATABASE_URL to a PostgreSQL server; the benchmark makes its own database there.');
    process.exit(1);
  }
  const { url } = await prepareDatabase(serverUrl, process.argv.includes('--reload'));
  const vocabulary = new Vocabulary();
  const env = { DATABASE_URL: url, DATABASE_POOL_MAX: POOL_MAX, JWT_SECRET: randomBytes(32).toString('hex') };
  const servers: ChildServer[] = [];
  try {
    const product = await startChildServer(SERVER, 3921, env);
    servers.push(product);
    const withoutIndex = await startChildServer(SERVER, 3922, { ...env, BENCH_SEARCH_INDEX: 'off' });
    servers.push(withoutIndex);
    const { headers } = await signIn(product.url, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
    console.log(`\n${await indexSizes(url)}`);

    if (ONLY !== 'filing') await measureQueries(vocabulary, product.url, headers);
    if (ONLY !== 'queries') await measureFiling(vocabulary, product, withoutIndex, headers);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

async function measureQueries(
  vocabulary: Vocabulary,
  url: string,
  headers: Record<string, string>,
): Promise<void> {
  console.log(
    `\nQueries: ${ROUNDS} alternating rounds of ${DURATION_SECONDS} s each at ${CONNECTIONS} connections (median round)…`,
  );
  const scenarios = queryScenarios(vocabulary);
  const queries = await alternate(
    scenarios.map((scenario) => ({
      name: scenario.name,
      url,
      headers,
      connections: CONNECTIONS,
      durationSeconds: DURATION_SECONDS,
      pathFor: (n: number) => scenario.pathFor(n),
    })),
  );
  printTable(queries);
  for (const [i, scenario] of scenarios.entries()) {
    if (scenario.targetMs === null) continue;
    const p99 = queries[i]!.p99;
    console.log(
      `  ${scenario.name}: p99 ${p99.toFixed(1)} ms (target ≤ ${scenario.targetMs} ms): ${p99 <= scenario.targetMs ? 'met' : 'NOT met'}`,
    );
  }
}

async function measureFiling(
  vocabulary: Vocabulary,
  product: ChildServer,
  withoutIndex: ChildServer,
  headers: Record<string, string>,
): Promise<void> {
  console.log(
    `\nFiling (POST /api/v1/emails, 2–10 KB bodies) with and without the search index, alternating…`,
  );
  const run = randomBytes(4).toString('hex');
  const filing = (name: string, server: ChildServer, tag: string) => ({
    name,
    url: server.url,
    headers,
    connections: CONNECTIONS,
    durationSeconds: DURATION_SECONDS,
    pathFor: () => '/api/v1/emails',
    bodyFor: (n: number) => filingBody(vocabulary, `${run}.${tag}`, n),
  });
  const [without, withIndex] = await alternate([
    filing('filing without the search index (baseline)', withoutIndex, 'without'),
    filing('filing with the search index', product, 'with'),
  ]);
  printTable([without!, withIndex!]);
  const ratio = withIndex!.requestsPerSecond / without!.requestsPerSecond;
  console.log(
    `  filing with the index = ${(ratio * 100).toFixed(0)}% of without (target ≥ 80%): ${ratio >= 0.8 ? 'met' : 'NOT met'}`,
  );
}

await main();
