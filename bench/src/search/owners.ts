import type pg from 'pg';
import { OWNERS } from './data-set.js';

/** The people who filed the data set's emails (members who never sign in here). */
export const benchOwnerId = (n: number) => `90000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export async function createOwners(client: pg.Client, orgId: string): Promise<void> {
  for (let n = 0; n < OWNERS; n += 1) {
    await client.query(
      `INSERT INTO users (org_id, id, email, name, role) VALUES ($1, $2, $3, $4, 'member') ON CONFLICT DO NOTHING`,
      [orgId, benchOwnerId(n), `owner${n}@search-bench.example`, `Owner ${n}`],
    );
  }
}
