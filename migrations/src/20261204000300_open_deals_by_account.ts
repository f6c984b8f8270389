import type { Knex } from 'knex';

// Each account's open deals and their amounts, read without the table: the going-cold report ranks
// every account by its largest open deal and how many it has.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX opportunities_open_by_account ON opportunities (org_id, account_id) INCLUDE (amount_minor)
     WHERE status = 'open' AND deleted_at IS NULL`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS opportunities_open_by_account');
}
