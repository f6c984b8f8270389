import type { Knex } from 'knex';

// Erased people leave only a salted hash of each address on the suppression list, so they are
// never made, filed, imported or enrolled again; the salt is the organisation's own, so the same
// address hashes differently in two organisations.
const UP = [
  `ALTER TABLE organisations ADD COLUMN privacy_salt text NOT NULL DEFAULT gen_random_uuid()::text`,
  `CREATE TABLE suppressions (
    org_id uuid NOT NULL REFERENCES organisations (id),
    address_hash text NOT NULL CHECK (address_hash ~ '^[0-9a-f]{64}$'),
    reason text NOT NULL CHECK (reason IN ('erasure', 'request')),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (org_id, address_hash),
    FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
  )`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of UP) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE suppressions');
  await knex.raw('ALTER TABLE organisations DROP COLUMN privacy_salt');
}
