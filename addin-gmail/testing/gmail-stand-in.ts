import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gmailMessageBody, type RecordedMessage } from './gmail-api-fake.js';

export interface GmailStandIn {
  /** For GMAIL_API_URL. */
  url: string;
  /** The formats asked for, in order. */
  reads: string[];
  close(): Promise<void>;
}

/**
 * The Gmail API as a server of its own on loopback, answering for a recorded message after
 * `delayMs` and only with the user's OAuth token and the message's access token, as fakeGmailApi
 * does in-process: for a server in another process (the Gmail benchmark) or GMAIL_API_URL's test.
 */
export async function startGmailStandIn(
  message: RecordedMessage,
  tokens: { oauth: string; access: string },
  options: { delayMs?: number } = {},
): Promise<GmailStandIn> {
  const reads: string[] = [];
  const path = `/gmail/v1/users/me/messages/${message.gmailId}`;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const trusted =
      request.headers.authorization === `Bearer ${tokens.oauth}` &&
      request.headers['x-goog-gmail-access-token'] === tokens.access;
    const format = url.searchParams.get('format') ?? 'full';
    const [status, body] =
      request.method !== 'GET' || url.pathname !== path
        ? [404, { error: { code: 404, message: 'Not Found' } }]
        : !trusted
          ? [401, { error: { code: 401, message: 'Request had invalid authentication credentials.' } }]
          : [200, gmailMessageBody(message, format)];
    if (status === 200) reads.push(format);
    setTimeout(() => {
      response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      response.end(JSON.stringify(body));
    }, options.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    reads,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
