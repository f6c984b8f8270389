import type { Knex } from 'knex';

// A contact or account merged into another stays as a pointer to the one that was kept, so links
// to it and its audit trail still resolve. It is in the trash with merged_into_id set.
const TABLES = ['contacts', 'accounts'] as const;

// Possible duplicate accounts are found by these expressions (server/src/modules/merge/duplicate-signs.ts
// queries them in the same words): the name without its legal form, and the website's host.
const ACCOUNT_INDEXES: ReadonlyArray<[name: string, definition: string]> = [
  [
    'accounts_base_name',
    `accounts (org_id, regexp_replace(regexp_replace(lower(name), '([[:space:][:punct:]]+(inc|incorporated|ltd|limited|llc|llp|gmbh|ag|sa|sarl|sas|bv|nv|plc|corp|corporation|co|company|pty))+[[:punct:]]*$', ''), '[^[:alnum:]]+', '', 'g')) WHERE deleted_at IS NULL`,
  ],
  [
    'accounts_website_host',
    `accounts (org_id, regexp_replace(lower(website), '^([a-z][a-z0-9+.-]*://)*(www[.])*([^/:#]*).*$', '\\3')) WHERE deleted_at IS NULL AND website IS NOT NULL`,
  ],
];

export async function up(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.raw(`ALTER TABLE ${table}
      ADD COLUMN merged_into_id uuid,
      ADD FOREIGN KEY (org_id, merged_into_id) REFERENCES ${table} (org_id, id)`);
    await knex.raw(
      `CREATE INDEX ${table}_merged_into ON ${table} (org_id, merged_into_id) WHERE merged_into_id IS NOT NULL`,
    );
  }
  for (const [name, definition] of ACCOUNT_INDEXES) await knex.raw(`CREATE INDEX ${name} ON ${definition}`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [name] of ACCOUNT_INDEXES) await knex.raw(`DROP INDEX ${name}`);
  for (const table of TABLES) await knex.raw(`ALTER TABLE ${table} DROP COLUMN merged_into_id`);
}
