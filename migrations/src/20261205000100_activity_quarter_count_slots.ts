import type { Knex } from 'knex';

// One person filing many emails at once (an import through the API, a shared mailbox's filer) had
// every filing update the same count row, and each held that row's lock to its commit: filings by
// one person ran one at a time. Each count is now kept in up to 16 slots, one per database session
// (by its process id), which the report adds up like the rest: sessions filing at once update rows
// of their own. Taking an activity away adds -1 to the session's slot, so a slot may go below zero
// while the sum stays exact.
const SLOTS = 16;

const statements = [
  'ALTER TABLE activity_quarter_counts ADD COLUMN slot smallint NOT NULL DEFAULT 0',
  'ALTER TABLE activity_quarter_counts DROP CONSTRAINT activity_quarter_counts_key',
  `ALTER TABLE activity_quarter_counts ADD CONSTRAINT activity_quarter_counts_key
    UNIQUE NULLS NOT DISTINCT (org_id, quarter, person_id, kind, owner_id, private, slot)`,
  `CREATE OR REPLACE FUNCTION activity_quarter_counts_add(
    p_org uuid, p_at timestamptz, p_person uuid, p_kind text, p_owner uuid, p_private boolean, p_delta integer
  ) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    IF p_person IS NULL THEN RETURN; END IF;
    INSERT INTO activity_quarter_counts AS t (org_id, quarter, person_id, kind, owner_id, private, slot, activities)
    VALUES (p_org, date_bin('15 minutes', p_at, timestamptz '2000-01-01 00:00:00+00'), p_person, p_kind, p_owner,
      p_private, pg_backend_pid() % ${SLOTS}, p_delta)
    ON CONFLICT (org_id, quarter, person_id, kind, owner_id, private, slot) DO UPDATE
      SET activities = t.activities + excluded.activities;
  END
  $$`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of statements) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`CREATE OR REPLACE FUNCTION activity_quarter_counts_add(
    p_org uuid, p_at timestamptz, p_person uuid, p_kind text, p_owner uuid, p_private boolean, p_delta integer
  ) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    v_quarter timestamptz := date_bin('15 minutes', p_at, timestamptz '2000-01-01 00:00:00+00');
  BEGIN
    IF p_person IS NULL THEN RETURN; END IF;
    IF p_delta > 0 THEN
      INSERT INTO activity_quarter_counts AS t (org_id, quarter, person_id, kind, owner_id, private, activities)
      VALUES (p_org, v_quarter, p_person, p_kind, p_owner, p_private, p_delta)
      ON CONFLICT (org_id, quarter, person_id, kind, owner_id, private) DO UPDATE
        SET activities = t.activities + excluded.activities;
    ELSE
      UPDATE activity_quarter_counts
      SET activities = activities + p_delta
      WHERE org_id = p_org AND quarter = v_quarter AND person_id = p_person AND kind = p_kind
        AND owner_id IS NOT DISTINCT FROM p_owner AND private = p_private;
    END IF;
  END
  $$`);
  await knex.raw(`CREATE TABLE activity_quarter_counts_merged AS
    SELECT org_id, quarter, person_id, owner_id, kind, private, sum(activities)::bigint AS activities
    FROM activity_quarter_counts GROUP BY 1, 2, 3, 4, 5, 6`);
  await knex.raw('DELETE FROM activity_quarter_counts');
  await knex.raw('ALTER TABLE activity_quarter_counts DROP CONSTRAINT activity_quarter_counts_key');
  await knex.raw('ALTER TABLE activity_quarter_counts DROP COLUMN slot');
  await knex.raw(`ALTER TABLE activity_quarter_counts ADD CONSTRAINT activity_quarter_counts_key
    UNIQUE NULLS NOT DISTINCT (org_id, quarter, person_id, kind, owner_id, private)`);
  await knex.raw(`INSERT INTO activity_quarter_counts (org_id, quarter, person_id, owner_id, kind, private, activities)
    SELECT org_id, quarter, person_id, owner_id, kind, private, activities FROM activity_quarter_counts_merged`);
  await knex.raw('DROP TABLE activity_quarter_counts_merged');
}
