import autocannon from 'autocannon';
import { printColumns } from './text-table.js';

export interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time per request in µs, by the name of what was read (e.g. 'server', 'PostgreSQL'). */
  cpuMicrosPerRequest?: Record<string, number>;
}

export interface LoadOptions {
  name: string;
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  /** The path of the n-th request, so requests spread over the data set. */
  pathFor(n: number): string;
  /** A JSON body, sent with POST; without it the requests are GETs. */
  body?: string;
  /** The JSON body of the n-th request, sent with POST (each request its own, e.g. a new email). */
  bodyFor?(n: number): string | Buffer;
  /**
   * CPU time so far in µs, by name (a `ChildServer`'s `cpuMicros`, the database's processes): each
   * read before and after the load; reported per request.
   */
  cpuReaders?: Record<string, () => number | null>;
}

/** Drives one server with autocannon for a fixed time and returns throughput and latency. */
export async function measure(options: LoadOptions): Promise<Measurement> {
  let n = 0;
  const posts = options.body !== undefined || options.bodyFor !== undefined;
  const readCpu = () =>
    Object.entries(options.cpuReaders ?? {}).map(([name, read]) => [name, read()] as const);
  const cpuBefore = readCpu();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: {
      ...(posts ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    requests: [
      {
        method: posts ? 'POST' : 'GET',
        ...(options.body === undefined ? {} : { body: options.body }),
        setupRequest: (request) => {
          n += 1;
          const body = options.bodyFor?.(n);
          return { ...request, path: options.pathFor(n), ...(body === undefined ? {} : { body }) };
        },
      },
    ],
  });
  const cpuAfter = readCpu();
  const cpuPerRequest = Object.fromEntries(
    cpuAfter.flatMap(([name, after], index) => {
      const before = cpuBefore[index]![1];
      return before === null || after === null || result.requests.total === 0
        ? []
        : [[name, (after - before) / result.requests.total]];
    }),
  );
  return {
    name: options.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ...(Object.keys(cpuPerRequest).length > 0 ? { cpuMicrosPerRequest: cpuPerRequest } : {}),
  };
}

/** The round with the median throughput. */
export function median(rounds: readonly Measurement[]): Measurement {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function printTable(rows: readonly Measurement[]): void {
  const cpuNames = [...new Set(rows.flatMap((row) => Object.keys(row.cpuMicrosPerRequest ?? {})))];
  const header = [
    'route',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'non-2xx',
    ...cpuNames.map((name) => `${name} CPU µs/req`),
  ];
  const lines = rows.map((row) => [
    row.name,
    row.requestsPerSecond.toFixed(0),
    row.p50.toFixed(1),
    row.p99.toFixed(1),
    String(row.errors),
    String(row.non2xx),
    ...cpuNames.map((name) => row.cpuMicrosPerRequest?.[name]?.toFixed(0) ?? '—'),
  ]);
  printColumns(header, lines);
}
