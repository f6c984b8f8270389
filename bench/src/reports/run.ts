import pg from 'pg';
import {
  accountId,
  accountOfContact,
  BENCH_ADMIN_EMAIL,
  BENCH_ADMIN_PASSWORD,
  senderAddress,
  senderContact,
} from '../lookup/data-set.js';
import { signInBenchUser } from '../lists/team-member.js';
import { serveLookupDataSet } from '../lookup/data-set-server.js';
import { signIn, type ApiSession } from '../support/api-session.js';
import { addToSample, percentile, timeRequests, type TimedRequests } from '../support/latency.js';
import { measure, median, printTable, type Measurement } from '../support/measure.js';
import { printColumns } from '../support/text-table.js';
import { spreadActivities } from './activities.js';
import { growHistory } from './history.js';

const PORT = 3912;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const POOL_MAX = process.env.DATABASE_POOL_MAX ?? '4';
const REPORTS_POOL_MAX = process.env.DATABASE_REPORTS_POOL_MAX ?? '2';
/** The first team's manager: owner 1 manages owners 1–7. */
const MANAGER = 1;
const TARGETS = { organisation: 300, team: 100 } as const;

const REPORTS = ['pipeline', 'forecast', 'win-rate', 'activity', 'going-cold', 'cases', 'correspondence'];

interface Scope {
  name: keyof typeof TARGETS;
  api: ApiSession;
}

async function timeReports(scopes: Scope[]): Promise<Map<string, TimedRequests>> {
  const samples = new Map<string, TimedRequests>();
  for (const { api } of scopes) for (const report of REPORTS) await api.getJson(`/api/v1/reports/${report}`);
  for (let round = 1; round <= ROUNDS; round += 1) {
    process.stdout.write(`\r  round ${round} of ${ROUNDS}`);
    for (const scope of scopes) {
      for (const report of REPORTS) {
        const timed = await timeRequests({
          baseUrl: scope.api.baseUrl,
          headers: scope.api.headers,
          paths: [`/api/v1/reports/${report}`],
          clients: 1,
          requestsPerClient: REQUESTS,
        });
        addToSample(samples, `${report} ${scope.name}`, timed);
      }
    }
  }
  process.stdout.write('\n\n');
  return samples;
}

function printReports(scopes: Scope[], samples: Map<string, TimedRequests>): void {
  const lines = REPORTS.flatMap((report) =>
    scopes.map(({ name }) => {
      const timed = samples.get(`${report} ${name}`)!;
      const p95 = percentile(timed.durations, 95);
      return [
        report,
        name,
        percentile(timed.durations, 50).toFixed(0),
        p95.toFixed(0),
        String(timed.failures),
        timed.failures === 0 && p95 <= TARGETS[name] ? 'yes' : 'NO',
      ];
    }),
  );
  printColumns(['report', 'people', 'p50 ms', 'p95 ms', 'failed', 'meets target'], lines);
  const firstFailure = [...samples.values()].find((timed) => timed.firstFailure)?.firstFailure;
  if (firstFailure) console.log(`\nFirst failure: ${firstFailure}`);
  console.log(
    `\nTargets: whole organisation p95 ≤ ${TARGETS.organisation} ms, one team ≤ ${TARGETS.team} ms.`,
  );
}

/** Keeps `clients` loops asking for the organisation's reports until `stop` resolves. */
async function reportsRunning(admin: ApiSession, clients: number, stop: Promise<void>): Promise<number> {
  let done = false;
  let answered = 0;
  void stop.then(() => (done = true));
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = client; !done; n += 1) {
        const answer = await fetch(`${admin.baseUrl}/api/v1/reports/${REPORTS[n % REPORTS.length]}`, {
          headers: admin.headers,
        });
        await answer.text();
        answered += 1;
      }
    }),
  );
  return answered;
}

/** One round of requests at 20 connections, the n-th asking for `pathFor(n)`. */
const at20Connections = (admin: ApiSession, name: string, pathFor: (n: number) => string) =>
  measure({
    name,
    url: admin.baseUrl,
    connections: 20,
    durationSeconds: DURATION,
    headers: admin.headers,
    pathFor,
  });

/** The sender view for the n-th message opened. */
const lookupPath = (n: number) => `/api/v1/lookup?email=${encodeURIComponent(senderAddress(n))}`;

/** The sender view at 20 connections alone, then with two clients asking for reports beside it. */
async function senderViewBeside(admin: ApiSession): Promise<Measurement[]> {
  const senderView = (name: string) => at20Connections(admin, name, lookupPath);
  const alone: Measurement[] = [];
  const beside: Measurement[] = [];
  let reportsAnswered = 0;
  for (let round = 1; round <= ROUNDS; round += 1) {
    process.stdout.write(`\r  round ${round} of ${ROUNDS}`);
    alone.push(await senderView('GET /api/v1/lookup alone'));
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = reportsRunning(admin, 2, stopped);
    beside.push(await senderView('GET /api/v1/lookup beside 2 report clients'));
    stop();
    reportsAnswered += await running;
  }
  process.stdout.write('\n\n');
  console.log(`  reports answered beside the sender view: ${reportsAnswered} in ${ROUNDS * DURATION} s`);
  return [median(alone), median(beside)];
}

/**
 * The pane's line of context (`GET /api/v1/accounts/{id}/summary`, asked after the sender view has
 * painted) against the sender view itself, each alone at 20 connections in alternating rounds: what
 * one more request per message opened costs the server, beside the request it follows.
 */
async function paneContext(admin: ApiSession): Promise<Measurement[]> {
  const lookups: Measurement[] = [];
  const summaries: Measurement[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    process.stdout.write(`\r  round ${round} of ${ROUNDS}`);
    lookups.push(await at20Connections(admin, 'GET /api/v1/lookup', lookupPath));
    summaries.push(
      await at20Connections(
        admin,
        'GET /api/v1/accounts/{id}/summary',
        (n) => `/api/v1/accounts/${accountId(accountOfContact(senderContact(n)))}/summary`,
      ),
    );
  }
  process.stdout.write('\n\n');
  return [median(lookups), median(summaries)];
}

async function main(): Promise<void> {
  const { server, url, orgId } = await serveLookupDataSet(PORT, {
    DATABASE_POOL_MAX: POOL_MAX,
    DATABASE_REPORTS_POOL_MAX: REPORTS_POOL_MAX,
  });
  try {
    // The server's migrations made the history tables; the history itself is grown once, here.
    const history = new pg.Client({ connectionString: url });
    await history.connect();
    await growHistory(history, orgId)
      .then(() => spreadActivities(history, orgId))
      .finally(() => history.end());
    const admin = await signIn(server.url, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
    const scopes: Scope[] = [
      { name: 'organisation', api: admin },
      { name: 'team', api: await signInBenchUser(admin, MANAGER) },
    ];
    console.log(
      `\nEvery report for the organisation (the admin) and for one team (its manager): ${ROUNDS} rounds of ${REQUESTS} requests each, one at a time; the server has ${POOL_MAX} database connections and ${REPORTS_POOL_MAX} for reports…`,
    );
    printReports(scopes, await timeReports(scopes));
    console.log(
      `\nThe sender view at 20 connections, alone and beside reports (${ROUNDS} alternating rounds of ${DURATION} s, medians)…`,
    );
    const [alone, beside] = await senderViewBeside(admin);
    printTable([alone!, beside!]);
    console.log(
      `\nBeside reports the sender view keeps ${((beside!.requestsPerSecond / alone!.requestsPerSecond) * 100).toFixed(0)}% of its throughput.`,
    );
    console.log(
      `\nThe pane's line of context against the sender view it follows, each alone at 20 connections (${ROUNDS} alternating rounds of ${DURATION} s, medians)…`,
    );
    const [lookup, summary] = await paneContext(admin);
    printTable([lookup!, summary!]);
    console.log(
      `\nThe line of context answers at ${((summary!.requestsPerSecond / lookup!.requestsPerSecond) * 100).toFixed(0)}% of the sender view's rate: a message opened costs the server one of each, and the pane asks for the line only after the sender view has painted.`,
    );
  } finally {
    await server.stop();
  }
}

await main();
