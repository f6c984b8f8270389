import pg from 'pg';
import { BENCH_ADMIN_EMAIL, BENCH_USERS, benchUserEmail } from './data-set.js';
import { positional } from './named-parameters.js';
import { closeDateOf, createBenchUsers, ownerIds, ownerOf } from './owners.js';

// Data sets loaded before records were spread over owners have the admin own every row and no close
// dates. This brings one up to date in place, as a fresh load would have made it, without reloading.
const UPDATES: ReadonlyArray<[table: string, assignments: string]> = [
  ['accounts', `owner_id = ${ownerOf('id')}`],
  ['contacts', `owner_id = ${ownerOf('id')}`],
  ['opportunities', `owner_id = ${ownerOf('id')}, close_date = ${closeDateOf('id')}`],
  ['cases', `owner_id = ${ownerOf('id')}`],
  ['tasks', `assignee_id = ${ownerOf('id')}`],
];

/** Spreads an older data set's records over the owners; does nothing when its users are there. */
export async function spreadOwners(client: pg.Client, orgId: string, adminId: string): Promise<void> {
  const found = await client.query('SELECT 1 FROM users WHERE org_id = $1 AND email = $2', [
    orgId,
    benchUserEmail(BENCH_USERS),
  ]);
  if (found.rowCount !== 0) return;
  console.log('Spreading the data set over its owners and giving opportunities close dates…');
  // One transaction: the users' presence is the mark that the rows were updated too.
  await client.query('BEGIN');
  try {
    await createBenchUsers(client, orgId);
    for (const [table, assignments] of UPDATES) {
      const started = Date.now();
      const result = await client.query(
        ...positional(`UPDATE ${table} SET ${assignments} WHERE org_id = :org`, {
          org: orgId,
          owners: ownerIds(adminId),
        }),
      );
      console.log(`  ${table}: ${result.rowCount} rows (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  // The updates left a dead version of every row: reclaim them and refresh the statistics.
  await client.query(`VACUUM (ANALYZE) ${UPDATES.map(([table]) => table).join(', ')}`);
}

/** Brings a data set loaded before owners were spread up to date, in place (for the lists and reports benchmarks). */
export async function updateDataSet(url: string, orgId: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const admin = await client.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      BENCH_ADMIN_EMAIL,
    ]);
    await spreadOwners(client, orgId, admin.rows[0]!.id);
  } finally {
    await client.end();
  }
}
