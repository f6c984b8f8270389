import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { findUserByEmail } from '../modules/users/repository.js';
import { countOrganisations } from '../modules/organisation/repository.js';
import { createOrganisationWithAdmin } from '../modules/organisation/service.js';
import { DEMO_ADMIN_EMAIL, loadDemoData } from './demo-data.js';

export class StartupRefused extends Error {}

export interface StartupState {
  demoLoaded: boolean;
  demoAvailable: boolean;
  bootstrappedAdmin: string | null;
}

/**
 * Makes sure someone can sign in. The embedded database gets the demo company on first start;
 * a real database gets the organisation named by BOOTSTRAP_*, the demo company with DEMO_DATA=true,
 * or a refusal that says what to set.
 */
export async function ensureOrganisation(
  database: Database,
  config: Pick<Config, 'bootstrap' | 'demoData'>,
): Promise<StartupState> {
  const { knex } = database;
  let bootstrappedAdmin: string | null = null;
  if (config.bootstrap && (await countOrganisations(knex)) === 0) {
    const { bootstrap } = config;
    await knex.transaction((trx) =>
      createOrganisationWithAdmin(trx, {
        name: bootstrap.orgName,
        adminEmail: bootstrap.adminEmail,
        adminPassword: bootstrap.adminPassword,
      }),
    );
    bootstrappedAdmin = bootstrap.adminEmail;
  }
  const wantsDemo = (database.kind === 'pglite' && (await countOrganisations(knex)) === 0) || config.demoData;
  const demoLoaded = wantsDemo && !(await findUserByEmail(knex, DEMO_ADMIN_EMAIL));
  if (demoLoaded) await loadDemoData(knex);
  if ((await countOrganisations(knex)) === 0) {
    throw new StartupRefused(
      'The database has no organisation yet. Set BOOTSTRAP_ORG_NAME, BOOTSTRAP_ADMIN_EMAIL and ' +
        'BOOTSTRAP_ADMIN_PASSWORD to create yours with its first admin (or run `pnpm admin:create`), ' +
        'or set DEMO_DATA=true to evaluate with the demo company.',
    );
  }
  const demoAvailable = (await findUserByEmail(knex, DEMO_ADMIN_EMAIL)) !== undefined;
  return { demoLoaded, demoAvailable, bootstrappedAdmin };
}
