import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sink {
  url: string;
  /** Arrival time (ms since the epoch) of every request, by delivery id; repeats kept. */
  arrivals: Map<string, number[]>;
  count(): number;
  close(): Promise<void>;
}

/** A local receiver that answers 204 at once and notes when each delivery id arrived. */
export async function startSink(): Promise<Sink> {
  const arrivals = new Map<string, number[]>();
  let count = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = String(request.headers['x-inboxcrm-delivery'] ?? 'baseline');
      const times = arrivals.get(id) ?? [];
      times.push(Date.now());
      arrivals.set(id, times);
      count += 1;
      response.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    arrivals,
    count: () => count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
