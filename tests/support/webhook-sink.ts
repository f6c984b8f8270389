import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status the sink answered with. */
  status: number;
  receivedAt: number;
}

export interface WebhookSink {
  /** http://127.0.0.1:<port>/hook */
  url: string;
  received: ReceivedWebhook[];
  /** Answer the next requests with these statuses, in order; then 204. */
  failNext(...statuses: number[]): void;
  /** Delay every answer by this long. */
  slowBy(ms: number): void;
  close(): Promise<void>;
}

/** A local HTTP endpoint that records every webhook call and answers as the test tells it. */
export async function startWebhookSink(): Promise<WebhookSink> {
  const received: ReceivedWebhook[] = [];
  const planned: number[] = [];
  let delayMs = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = planned.shift() ?? 204;
      received.push({
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status,
        receivedAt: Date.now(),
      });
      setTimeout(() => response.writeHead(status).end(), delayMs);
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    failNext: (...statuses) => planned.push(...statuses),
    slowBy: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
