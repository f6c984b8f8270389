import { parseArgs } from 'node:util';
import { isEmailAddress } from '@inbox-crm/shared';
import { ConfigError, loadConfig } from '../config.js';
import { createOrganisationWithAdmin } from '../modules/organisation/index.js';
import { openConfiguredDatabase } from '../open-database.js';
import { exitOnError } from '../startup-errors.js';

const usage =
  'Usage: pnpm admin:create --org "Acme Ltd" --email admin@acme.com --password "…" [--name "Ada Lovelace"]\n' +
  '(or set BOOTSTRAP_ORG_NAME, BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD)';

/** `pnpm admin:create`: creates an organisation with its first admin in the configured database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const name = values.org ?? config.bootstrap?.orgName;
  const email = values.email ?? config.bootstrap?.adminEmail;
  const password = values.password ?? config.bootstrap?.adminPassword;
  if (!name || !email || !password)
    throw new ConfigError(`name the organisation, the admin's address and a password.\n${usage}`);
  if (!isEmailAddress(email)) throw new ConfigError(`"${email}" is not an email address.`);
  if (password.length < 8) throw new ConfigError('the password needs at least 8 characters.');
  const database = await openConfiguredDatabase(config);
  try {
    const { admin } = await database.knex.transaction((trx) =>
      createOrganisationWithAdmin(trx, {
        name,
        adminEmail: email,
        adminPassword: password,
        ...(values.name ? { adminName: values.name } : {}),
      }),
    );
    console.log(`Created the organisation "${name}" with the admin ${admin.email}.`);
  } finally {
    await database.close();
  }
}

main().catch(exitOnError('Could not create the organisation'));
