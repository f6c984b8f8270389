import type { Knex } from 'knex';

// The records each person opened last in the console, newest first, for their home page on any
// device. The home module keeps a few per person (it trims on every write), so the table stays
// small; a record's row is refreshed, not repeated, when it is opened again.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE TABLE recent_views (
    org_id uuid NOT NULL,
    user_id uuid NOT NULL,
    record_type text NOT NULL CHECK (record_type IN ('account', 'contact', 'opportunity', 'case')),
    record_id uuid NOT NULL,
    viewed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id, record_type, record_id),
    FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
  )`);
  await knex.raw('CREATE INDEX recent_views_newest ON recent_views (org_id, user_id, viewed_at DESC)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS recent_views');
}
