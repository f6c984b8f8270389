import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD } from '../lookup/data-set.js';
import { serveLookupDataSet } from '../lookup/data-set-server.js';
import { benchUserId } from '../lookup/owners.js';
import { signIn, type ApiSession } from '../support/api-session.js';
import { addToSample, timeRequests, type TimedRequests } from '../support/latency.js';
import { printReport, type ScenarioResult } from './report.js';
import { senderView, targetScenarios, type Scenario, type Sessions } from './scenarios.js';
import { signInTeamMember } from './team-member.js';

const PORT = 3911;
const TARGET_MS = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REQUESTS_PER_CLIENT = Number(process.env.BENCH_REQUESTS ?? 40);
const CLIENT_COUNTS = (process.env.BENCH_CLIENTS ?? '1,4').split(',').map(Number);
/** Only the scenarios whose names contain this (the baseline is always measured). */
const ONLY = process.env.BENCH_ONLY ?? '';
// As in the lookup benchmark: twice the cores of a 2-core machine.
const POOL_MAX = process.env.DATABASE_POOL_MAX ?? '4';

interface Prepared {
  scenario: Scenario;
  /** Who sends its requests. */
  api: ApiSession;
  paths: string[];
  held: boolean;
}

async function prepareScenarios(sessions: Sessions): Promise<Prepared[]> {
  const listed = [
    { scenario: senderView, held: false },
    ...targetScenarios(benchUserId(1))
      .filter((scenario) => scenario.name.includes(ONLY))
      .map((scenario) => ({ scenario, held: true })),
  ];
  const prepared: Prepared[] = [];
  for (const { scenario, held } of listed) {
    const api = (await scenario.signIn?.(sessions.admin)) ?? sessions[scenario.as ?? 'admin'];
    const paths = await scenario.paths(api);
    console.log(`  ${scenario.name}: ${paths.length} paths`);
    prepared.push({ scenario, api, paths, held });
  }
  return prepared;
}

async function measureScenarios(prepared: Prepared[]): Promise<ScenarioResult[]> {
  const time = (
    { api, paths }: Prepared,
    clients: number,
    requestsPerClient: number,
    offset = 0,
  ): Promise<TimedRequests> =>
    timeRequests({ baseUrl: api.baseUrl, headers: api.headers, paths, clients, requestsPerClient, offset });
  for (const scenario of prepared) {
    await time(scenario, 1, Math.min(scenario.paths.length, REQUESTS_PER_CLIENT));
  }
  // Rounds alternate every scenario, the baseline among them, to spread the machine's drift over
  // all; a scenario's percentiles are over its requests of every round.
  const samples = new Map<string, TimedRequests>();
  for (let round = 1; round <= ROUNDS; round += 1) {
    process.stdout.write(`\r  round ${round} of ${ROUNDS}`);
    for (const clients of CLIENT_COUNTS) {
      for (const each of prepared) {
        // Each round goes on to senders not looked up yet; a list's pages come round again.
        const timed = await time(each, clients, REQUESTS_PER_CLIENT, round * REQUESTS_PER_CLIENT);
        addToSample(samples, `${clients} ${each.scenario.name}`, timed);
      }
    }
  }
  process.stdout.write('\n\n');
  return CLIENT_COUNTS.flatMap((clients) =>
    prepared.map(({ scenario, held }) => ({
      name: scenario.name,
      clients,
      held,
      timed: samples.get(`${clients} ${scenario.name}`)!,
    })),
  );
}

async function main(): Promise<void> {
  const { server } = await serveLookupDataSet(PORT, { DATABASE_POOL_MAX: POOL_MAX });
  try {
    const admin = await signIn(server.url, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
    console.log('\nFinding the pages to request…');
    const prepared = await prepareScenarios({ admin, teamMember: await signInTeamMember(admin) });
    console.log(
      `\nWarming up, then ${ROUNDS} rounds of ${REQUESTS_PER_CLIENT} requests per client at ${CLIENT_COUNTS.join(' and ')} clients, alternating; the server has ${POOL_MAX} database connections…`,
    );
    printReport(await measureScenarios(prepared), TARGET_MS);
  } finally {
    await server.stop();
  }
}

await main();
