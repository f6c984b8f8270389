import type { Knex } from 'knex';

// Whether the add-ins file a reply on their own when it is opened and its thread is filed already
// (never internal mail): an organisation's choice, off until an admin turns it on.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE organisations ADD COLUMN auto_file_threads boolean NOT NULL DEFAULT false');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE organisations DROP COLUMN auto_file_threads');
}
