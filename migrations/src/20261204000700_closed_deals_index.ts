import type { Knex } from 'knex';

// The live deals that are won or lost, with what the win-rate report asks of each (owner, account,
// status, when created), in id order: the report merges them with the deals' present stays to
// learn when each closed, reading neither table.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX opportunities_closed ON opportunities (org_id, id)
     INCLUDE (owner_id, account_id, status, created_at) WHERE deleted_at IS NULL AND status <> 'open'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS opportunities_closed');
}
