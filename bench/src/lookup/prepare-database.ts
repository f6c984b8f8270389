import pg from 'pg';
import { createOrganisationWithAdmin, openPostgres, runMigrations } from '@inbox-crm/server';
import { ensureDatabase } from '../support/bench-database.js';
import { ACCOUNTS, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, BENCH_ORG_NAME, CONTACTS } from './data-set.js';
import { loadDataSet } from './load-data.js';

export const DATABASE_NAME = 'inboxcrm_bench_lookup';

/**
 * The data set's database on the server of `serverUrl`, migrated, and loaded unless it already
 * holds the benchmark organisation (`reload` builds it again).
 */
export async function prepareDatabase(
  serverUrl: string,
  reload: boolean,
): Promise<{ url: string; orgId: string }> {
  const url = await ensureDatabase(serverUrl, DATABASE_NAME);
  const database = openPostgres(url, 2);
  try {
    await runMigrations(database.knex);
    const existing = (await database.knex('organisations').where({ name: BENCH_ORG_NAME }).first('id')) as
      { id: string } | undefined;
    if (existing && !reload) {
      console.log(`Using the data set already in ${DATABASE_NAME} (pass --reload to build it again).`);
      return { url, orgId: existing.id };
    }
    if (existing) {
      await database.knex.raw('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      await runMigrations(database.knex);
    }
    console.log(
      `Loading ${CONTACTS.toLocaleString('en')} contacts, ${ACCOUNTS.toLocaleString('en')} accounts and 3,000,000 activities into ${DATABASE_NAME}…`,
    );
    const { organisationId, admin } = await database.knex.transaction((trx) =>
      createOrganisationWithAdmin(trx, {
        name: BENCH_ORG_NAME,
        adminEmail: BENCH_ADMIN_EMAIL,
        adminPassword: BENCH_ADMIN_PASSWORD,
      }),
    );
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await loadDataSet(client, organisationId, admin.id);
    } finally {
      await client.end();
    }
    return { url, orgId: organisationId };
  } finally {
    await database.close();
  }
}
