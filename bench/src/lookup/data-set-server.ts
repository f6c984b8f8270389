import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { lookupDataSetDatabase } from './prepare-database.js';
import { updateDataSet } from './spread-owners.js';

/**
 * The lookup data set's database, loaded (or `--reload`ed) and up to date, and the product's server
 * on it at `port` with the extra environment given: what the benchmarks on that data set start from.
 */
export async function serveLookupDataSet(
  port: number,
  env: Record<string, string>,
): Promise<{ server: ChildServer; url: string; orgId: string }> {
  const { url, orgId } = await lookupDataSetDatabase();
  await updateDataSet(url, orgId);
  const server = await startChildServer(
    fileURLToPath(new URL('../../../server/dist/server.js', import.meta.url)),
    port,
    { DATABASE_URL: url, JWT_SECRET: randomBytes(32).toString('hex'), ...env },
  );
  return { server, url, orgId };
}
