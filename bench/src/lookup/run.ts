import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { signIn } from '../support/api-session.js';
import { startChildServer } from '../support/child-server.js';
import { cpuMicrosOfProcessesNamed } from '../support/process-cpu.js';
import { measure, median, printTable, type Measurement } from '../support/measure.js';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, senderAddress } from './data-set.js';
import { lookupDataSetDatabase } from './prepare-database.js';

const CONNECTIONS = 20;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_SECONDS = 3;
// Both servers get the same number of database connections: twice the cores of a 2-core machine,
// the usual sizing; more backends than that only contend for the same two cores.
const POOL_MAX = process.env.DATABASE_POOL_MAX ?? '4';

// The sender view against the floor (its own statement alone) and the bare contact-and-account query.
const TARGETS = { ofFloor: 0.9, ofBare: 0.8, p99Ms: 10 } as const;

const MESSAGE_PARTIES = 300;
const WHOLE_MESSAGE_TARGET_MS = 50;

/**
 * The pane's question for a 300-recipient announcement (the sender and 299 others, known contacts,
 * unknown people at known companies and strangers, as senderAddress mixes them) against the same
 * question for its sender alone, one request at a time.
 */
async function measureWholeMessage(url: string, headers: Record<string, string>): Promise<void> {
  const message = (n: number) =>
    JSON.stringify({
      emails: Array.from({ length: MESSAGE_PARTIES }, (_, index) =>
        senderAddress(n * MESSAGE_PARTIES + index),
      ),
      leading: 'first',
      others: 'brief',
      timelineLimit: 8,
    });
  const single = (n: number) => JSON.stringify({ emails: [senderAddress(n)], timelineLimit: 8 });
  const route = (bodyFor: (n: number) => string) => ({
    url,
    headers,
    connections: 1,
    durationSeconds: DURATION_SECONDS,
    pathFor: () => '/api/v1/lookup',
    bodyFor,
  });
  await measure({ name: 'warm-up', ...route(message), durationSeconds: WARM_UP_SECONDS });
  const rows = [
    await measure({ name: 'POST /api/v1/lookup, the sender alone', ...route(single) }),
    await measure({ name: `POST /api/v1/lookup, ${MESSAGE_PARTIES} addresses`, ...route(message) }),
  ];
  console.log(`\nA ${MESSAGE_PARTIES}-recipient message, one request at a time:`);
  printTable(rows);
  const whole = rows[1]!;
  console.log(
    `${MESSAGE_PARTIES}-address lookup p99 = ${whole.p99.toFixed(1)} ms (target ≤ ${WHOLE_MESSAGE_TARGET_MS} ms): ${whole.p99 <= WHOLE_MESSAGE_TARGET_MS ? 'met' : 'NOT met'}`,
  );
}

async function main(): Promise<void> {
  const { url, orgId } = await lookupDataSetDatabase();
  const bare = await startChildServer(fileURLToPath(new URL('./bare-server.js', import.meta.url)), 3901, {
    DATABASE_URL: url,
    DATABASE_POOL_MAX: POOL_MAX,
    BENCH_ORG_ID: orgId,
  });
  const floor = await startChildServer(fileURLToPath(new URL('./floor-server.js', import.meta.url)), 3903, {
    DATABASE_URL: url,
    DATABASE_POOL_MAX: POOL_MAX,
    BENCH_ORG_ID: orgId,
  });
  const product = await startChildServer(
    fileURLToPath(new URL('../../../server/dist/server.js', import.meta.url)),
    3902,
    {
      DATABASE_URL: url,
      DATABASE_POOL_MAX: POOL_MAX,
      JWT_SECRET: randomBytes(32).toString('hex'),
      // As deployed: the default level logs a line per request.
      LOG_LEVEL: 'info',
    },
  );
  try {
    const { headers } = await signIn(product.url, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
    const database = () => cpuMicrosOfProcessesNamed('postgres');
    const bareRoute = {
      url: bare.url,
      cpuReaders: { server: bare.cpuMicros, PostgreSQL: database },
      pathFor: (n: number) => `/bare?email=${encodeURIComponent(senderAddress(n))}`,
    };
    const floorRoute = {
      url: floor.url,
      cpuReaders: { server: floor.cpuMicros, PostgreSQL: database },
      pathFor: (n: number) => `/floor?email=${encodeURIComponent(senderAddress(n))}`,
    };
    const lookupRoute = {
      url: product.url,
      cpuReaders: { server: product.cpuMicros, PostgreSQL: database },
      headers,
      pathFor: (n: number) => `/api/v1/lookup?email=${encodeURIComponent(senderAddress(n))}`,
    };
    const routes = [
      { name: 'bare route, one indexed query (baseline)', route: bareRoute },
      { name: 'floor: the sender-view statement alone', route: floorRoute },
      { name: 'GET /api/v1/lookup (sender view)', route: lookupRoute },
    ];
    console.log(
      `\nWarming up, then ${ROUNDS} rounds of ${DURATION_SECONDS} s per route, alternating, at ${CONNECTIONS} connections; every server has ${POOL_MAX} database connections…`,
    );
    for (const { route } of routes) {
      await measure({
        name: 'warm-up',
        connections: CONNECTIONS,
        durationSeconds: WARM_UP_SECONDS,
        ...route,
      });
    }
    // Alternating rounds spread the machine's drift over the routes; the median round of each is reported.
    const rounds: Measurement[][] = routes.map(() => []);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, { name, route }] of routes.entries()) {
        rounds[index]!.push(
          await measure({ name, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, ...route }),
        );
      }
    }
    const results = rounds.map((measured) => median(measured));
    console.log('');
    printTable(results);
    const [baseline, statement, lookup] = results as [Measurement, Measurement, Measurement];
    const share = (of: Measurement) => lookup.requestsPerSecond / of.requestsPerSecond;
    const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
    console.log(
      `\nlookup throughput = ${share(statement).toFixed(2)} × the floor (target ≥ ${TARGETS.ofFloor}): ${verdict(share(statement) >= TARGETS.ofFloor)}`,
    );
    console.log(
      `lookup throughput = ${share(baseline).toFixed(2)} × the bare query (target ≥ ${TARGETS.ofBare}): ${verdict(share(baseline) >= TARGETS.ofBare)}`,
    );
    console.log(
      `lookup p99 = ${lookup.p99.toFixed(1)} ms (target ≤ ${TARGETS.p99Ms} ms): ${verdict(lookup.p99 <= TARGETS.p99Ms)}`,
    );
    await measureWholeMessage(product.url, headers);
  } finally {
    await Promise.all([bare.stop(), floor.stop(), product.stop()]);
  }
}

await main();
