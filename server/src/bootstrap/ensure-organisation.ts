import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { findUserByEmail } from '../modules/users/index.js';
import { countOrganisations, createOrganisationWithAdmin } from '../modules/organisation/index.js';
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
  const empty = (await countOrganisations(knex)) === 0;
  const { bootstrap } = config;
  if (bootstrap && empty) {
    await knex.transaction((trx) =>
      createOrganisationWithAdmin(trx, {
        name: bootstrap.orgName,
        adminEmail: bootstrap.adminEmail,
        adminPassword: bootstrap.adminPassword,
      }),
    );
  }
  const bootstrappedAdmin = bootstrap && empty ? bootstrap.adminEmail : null;
  const demoPresent = (await findUserByEmail(knex, DEMO_ADMIN_EMAIL)) !== undefined;
  const wantsDemo = (database.kind === 'pglite' && empty && !bootstrappedAdmin) || config.demoData;
  const demoLoaded = wantsDemo && !demoPresent;
  if (demoLoaded) await loadDemoData(knex);
  if (empty && !bootstrappedAdmin && !demoLoaded) {
    throw new StartupRefused(
      'The database has no organisation yet. Set BOOTSTRAP_ORG_NAME, BOOTSTRAP_ADMIN_EMAIL and ' +
        'BOOTSTRAP_ADMIN_PASSWORD to create yours with its first admin (or run `pnpm admin:create`), ' +
        'or set DEMO_DATA=true to evaluate with the demo company.',
    );
  }
  const demoAvailable = demoPresent || demoLoaded;
  return { demoLoaded, demoAvailable, bootstrappedAdmin };
}
