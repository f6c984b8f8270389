import type { Knex } from 'knex';

// The reports each person pinned to their home dashboard, in their order. A person without a row
// sees their role's default tiles (server/src/modules/reports/dashboard.ts).
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE TABLE dashboard_tiles (
    org_id uuid NOT NULL,
    user_id uuid NOT NULL,
    tiles text[] NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id),
    FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
  )`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS dashboard_tiles');
}
