import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { signIn } from '../support/api-session.js';
import { startChildServer } from '../support/child-server.js';
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
  const product = await startChildServer(
    fileURLToPath(new URL('../../../server/dist/server.js', import.meta.url)),
    3902,
    {
      DATABASE_URL: url,
      DATABASE_POOL_MAX: POOL_MAX,
      JWT_SECRET: randomBytes(32).toString('hex'),
    },
  );
  try {
    const { headers } = await signIn(product.url, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
    const bareRoute = {
      url: bare.url,
      pathFor: (n: number) => `/bare?email=${encodeURIComponent(senderAddress(n))}`,
    };
    const lookupRoute = {
      url: product.url,
      headers,
      pathFor: (n: number) => `/api/v1/lookup?email=${encodeURIComponent(senderAddress(n))}`,
    };
    console.log(
      `\nWarming up, then ${ROUNDS} rounds of ${DURATION_SECONDS} s per route, alternating, at ${CONNECTIONS} connections; both servers have ${POOL_MAX} database connections…`,
    );
    await measure({
      name: 'warm-up',
      connections: CONNECTIONS,
      durationSeconds: WARM_UP_SECONDS,
      ...bareRoute,
    });
    await measure({
      name: 'warm-up',
      connections: CONNECTIONS,
      durationSeconds: WARM_UP_SECONDS,
      ...lookupRoute,
    });
    // Alternating rounds spread the machine's drift over both routes; the median round of each is reported.
    const bareRounds: Measurement[] = [];
    const lookupRounds: Measurement[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bareRounds.push(
        await measure({
          name: 'bare route, one indexed query (baseline)',
          connections: CONNECTIONS,
          durationSeconds: DURATION_SECONDS,
          ...bareRoute,
        }),
      );
      lookupRounds.push(
        await measure({
          name: 'GET /api/v1/lookup (sender view)',
          connections: CONNECTIONS,
          durationSeconds: DURATION_SECONDS,
          ...lookupRoute,
        }),
      );
    }
    const results = [median(bareRounds), median(lookupRounds)];
    console.log('');
    printTable(results);
    const [baseline, lookup] = results as [Measurement, Measurement];
    const ratio = lookup.requestsPerSecond / baseline.requestsPerSecond;
    console.log(
      `\nlookup throughput = ${(ratio * 100).toFixed(0)}% of the baseline (target ≥ 50%): ${ratio >= 0.5 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `lookup p99 = ${lookup.p99.toFixed(1)} ms (target ≤ 20 ms): ${lookup.p99 <= 20 ? 'met' : 'NOT met'}`,
    );
    await measureWholeMessage(product.url, headers);
  } finally {
    await Promise.all([bare.stop(), product.stop()]);
  }
}

await main();
