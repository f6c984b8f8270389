import { prepareDataSet } from '../support/prepared-data-set.js';
import { ACCOUNTS, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, BENCH_ORG_NAME, CONTACTS } from './data-set.js';
import { loadDataSet } from './load-data.js';

export const DATABASE_NAME = 'inboxcrm_bench_lookup';

/** The lookup data set's database (1M contacts, 100k accounts, 3M activities), loaded on first use. */
export function prepareDatabase(serverUrl: string, reload: boolean): Promise<{ url: string; orgId: string }> {
  return prepareDataSet(
    serverUrl,
    {
      name: DATABASE_NAME,
      organisation: {
        name: BENCH_ORG_NAME,
        adminEmail: BENCH_ADMIN_EMAIL,
        adminPassword: BENCH_ADMIN_PASSWORD,
      },
      describe: `${CONTACTS.toLocaleString('en')} contacts, ${ACCOUNTS.toLocaleString('en')} accounts and 3,000,000 activities`,
      load: (client, { orgId, adminId }) => loadDataSet(client, orgId, adminId),
    },
    reload,
  );
}

/** The data set's database on the server DATABASE_URL names (stops with a sentence when it names none); `--reload` loads it again. */
export function lookupDataSetDatabase(): Promise<{ url: string; orgId: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error(
      'Set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres); the benchmark makes its own database there.',
    );
    process.exit(1);
  }
  return prepareDatabase(serverUrl, process.argv.includes('--reload'));
}
