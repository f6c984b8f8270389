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
  } finally {
    await Promise.all([bare.stop(), product.stop()]);
  }
}

await main();
