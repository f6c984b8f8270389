export interface TimedRequests {
  /** Each answered request's time in ms, from sending it to the last byte of its answer. */
  durations: number[];
  /** Requests that failed or answered another status than 200 (not in `durations`). */
  failures: number;
  /** What the first failure was: its status and the start of its answer, or the error. */
  firstFailure?: string;
}

export interface TimedRequestOptions {
  baseUrl: string;
  headers: Record<string, string>;
  /** The paths the requests go through in turn; each client starts at its own place among them. */
  paths: readonly string[];
  /** Where among the paths to begin, so that successive runs go on to paths not yet requested. */
  offset?: number;
  clients: number;
  requestsPerClient: number;
}

/** Sends GETs from a fixed number of clients, each waiting for one answer before its next request. */
export async function timeRequests(options: TimedRequestOptions): Promise<TimedRequests> {
  const { baseUrl, headers, paths, clients, requestsPerClient, offset = 0 } = options;
  const result: TimedRequests = { durations: [], failures: 0 };
  const fail = (reason: string) => {
    result.failures += 1;
    result.firstFailure ??= reason;
  };
  const stride = Math.max(1, Math.floor(paths.length / clients));
  const client = async (index: number) => {
    for (let n = 0; n < requestsPerClient; n += 1) {
      const path = paths[(offset + index * stride + n) % paths.length]!;
      const started = performance.now();
      try {
        const answer = await fetch(`${baseUrl}${path}`, { headers });
        const body = await answer.text();
        if (answer.status === 200) result.durations.push(performance.now() - started);
        else fail(`${answer.status} ${body.slice(0, 200)}`);
      } catch (error) {
        fail(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  return result;
}

/** The nearest-rank percentile `p` (0–100) of `values`, or NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Adds one round's requests to what `samples` holds under `key`, so percentiles span every round. */
export function addToSample(samples: Map<string, TimedRequests>, key: string, timed: TimedRequests): void {
  const sample = samples.get(key) ?? { durations: [], failures: 0 };
  sample.durations.push(...timed.durations);
  sample.failures += timed.failures;
  sample.firstFailure ??= timed.firstFailure;
  samples.set(key, sample);
}
