import pg from 'pg';
import { createOrganisationWithAdmin, openPostgres, runMigrations } from '@inbox-crm/server';
import { ensureDatabase } from './bench-database.js';

export interface DataSetDatabase {
  /** The database's name on the server, e.g. inboxcrm_bench_lookup. */
  name: string;
  organisation: { name: string; adminEmail: string; adminPassword: string };
  /** What the first run says it loads. */
  describe: string;
  /** Fills the new organisation (its id and its admin's) through one connection. */
  load(client: pg.Client, context: { url: string; orgId: string; adminId: string }): Promise<void>;
}

/**
 * A benchmark's database on the server of `serverUrl`, migrated, and loaded unless it already holds
 * the benchmark organisation (`reload` builds it again from an empty schema).
 */
export async function prepareDataSet(
  serverUrl: string,
  dataSet: DataSetDatabase,
  reload: boolean,
): Promise<{ url: string; orgId: string }> {
  const url = await ensureDatabase(serverUrl, dataSet.name);
  const database = openPostgres(url, 2);
  try {
    await runMigrations(database.knex);
    const existing = (await database
      .knex('organisations')
      .where({ name: dataSet.organisation.name })
      .first('id')) as { id: string } | undefined;
    if (existing && !reload) {
      console.log(`Using the data set already in ${dataSet.name} (pass --reload to build it again).`);
      return { url, orgId: existing.id };
    }
    // Anything else in the database is an earlier load that did not finish (or the one to reload).
    if (await database.knex('organisations').first('id')) {
      await database.knex.raw('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      await runMigrations(database.knex);
    }
    console.log(`Loading ${dataSet.describe} into ${dataSet.name}…`);
    // The organisation takes its name only once loaded, so a load stopped halfway is never used.
    const { organisationId, admin } = await database.knex.transaction((trx) =>
      createOrganisationWithAdmin(trx, {
        ...dataSet.organisation,
        name: `${dataSet.organisation.name} (loading)`,
      }),
    );
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await dataSet.load(client, { url, orgId: organisationId, adminId: admin.id });
    } finally {
      await client.end();
    }
    await database
      .knex('organisations')
      .where({ id: organisationId })
      .update({ name: dataSet.organisation.name });
    return { url, orgId: organisationId };
  } finally {
    await database.close();
  }
}
