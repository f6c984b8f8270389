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
