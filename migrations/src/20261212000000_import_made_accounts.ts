import type { Knex } from 'knex';

// An import that writes its chunks side by side makes the accounts its companies need in their own
// short transactions, committed before the chunk that names them; this ledger keeps which accounts
// those were, so a revert deletes them even when the chunk that first named one did not commit.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE TABLE import_made_accounts (
    org_id uuid NOT NULL,
    import_id uuid NOT NULL,
    account_id uuid NOT NULL,
    PRIMARY KEY (org_id, import_id, account_id),
    FOREIGN KEY (org_id, import_id) REFERENCES imports (org_id, id) ON DELETE CASCADE
  )`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE import_made_accounts');
}
