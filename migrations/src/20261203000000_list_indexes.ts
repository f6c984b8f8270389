import type { Knex } from 'knex';

// The console's lists page by keyset over (org_id, sort column, id) among live records; each
// default sort, and the sorts a large list offers, has its index so a page is one index range.
const INDEXES: ReadonlyArray<[name: string, definition: string]> = [
  ['accounts_list_name', 'accounts (org_id, lower(name), id) WHERE deleted_at IS NULL'],
  ['accounts_list_updated', 'accounts (org_id, updated_at, id) WHERE deleted_at IS NULL'],
  [
    'contacts_list_name',
    "contacts (org_id, lower(last_name || ' ' || first_name), id) WHERE deleted_at IS NULL",
  ],
  ['contacts_list_updated', 'contacts (org_id, updated_at, id) WHERE deleted_at IS NULL'],
  ['opportunities_list_close', 'opportunities (org_id, close_date, id) WHERE deleted_at IS NULL'],
  [
    'opportunities_list_owner_close',
    'opportunities (org_id, owner_id, close_date, id) WHERE deleted_at IS NULL',
  ],
  ['opportunities_list_amount', 'opportunities (org_id, amount_minor, id) WHERE deleted_at IS NULL'],
  // One owner's open deals: the count of matches and the page are one range each.
  [
    'opportunities_list_owner_status',
    'opportunities (org_id, owner_id, status, close_date, id) WHERE deleted_at IS NULL',
  ],
  ['cases_list_created', 'cases (org_id, created_at, id) WHERE deleted_at IS NULL'],
  [
    'cases_list_priority',
    "cases (org_id, array_position(ARRAY['low', 'normal', 'high', 'urgent']::text[], priority), id) WHERE deleted_at IS NULL",
  ],
];

export async function up(knex: Knex): Promise<void> {
  for (const [name, definition] of INDEXES) await knex.raw(`CREATE INDEX ${name} ON ${definition}`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [name] of INDEXES) await knex.raw(`DROP INDEX ${name}`);
}
