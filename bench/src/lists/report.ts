import { percentile, type TimedRequests } from '../support/latency.js';
import { printColumns } from '../support/text-table.js';

export interface ScenarioResult {
  name: string;
  clients: number;
  timed: TimedRequests;
  /** False for the baseline, which is measured beside the views but not held to the target. */
  held: boolean;
}

const meets = ({ timed }: ScenarioResult, targetMs: number) =>
  timed.failures === 0 && percentile(timed.durations, 95) <= targetMs;

/** The table of every scenario at every client count, each block led by its baseline. */
export function printReport(results: readonly ScenarioResult[], targetMs: number): void {
  const header = ['scenario', 'clients', 'p50 ms', 'p95 ms', 'requests', 'failed', `p95 ≤ ${targetMs} ms`];
  const lines = results.map((result) => [
    result.name,
    String(result.clients),
    percentile(result.timed.durations, 50).toFixed(1),
    percentile(result.timed.durations, 95).toFixed(1),
    String(result.timed.durations.length),
    String(result.timed.failures),
    result.held ? (meets(result, targetMs) ? 'yes' : 'NO') : '(baseline)',
  ]);
  printColumns(header, lines);
  const held = results.filter((result) => result.held);
  const met = held.filter((result) => meets(result, targetMs));
  console.log(`\n${met.length} of ${held.length} measurements meet p95 ≤ ${targetMs} ms.`);
  for (const { name, clients, timed } of results) {
    if (timed.firstFailure) {
      console.log(`${name} at ${clients} clients failed first with: ${timed.firstFailure}`);
    }
  }
}
