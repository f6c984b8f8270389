import type { Knex } from 'knex';

// A case's stays by case, as a deal's are by deal: the cases report joins each opened case to its
// resolutions, and a stay that ends looks up the case's present one.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'CREATE INDEX case_status_history_stays ON case_status_history (org_id, case_id, entered_at)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS case_status_history_stays');
}
