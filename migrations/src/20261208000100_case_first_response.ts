import type { Knex } from 'knex';

// When a case was first answered from the CRM: its first response time, and the clock SLAs stop.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE cases ADD COLUMN first_response_at timestamptz');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE cases DROP COLUMN first_response_at');
}
