import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForeignSite {
  /** e.g. http://127.0.0.1:41235: loopback like the server under test, on a port (an origin) of its own. */
  url: string;
  close(): Promise<void>;
}

/**
 * A second local web site that answers every request with one HTML page, as a site that is not
 * ours would (a page that tries to frame ours, say). Being on loopback too, a browser's local
 * network checks let it reach the server under test, so only that server's own headers decide.
 */
export async function startForeignSite(html: string): Promise<ForeignSite> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
