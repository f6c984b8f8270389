import type { Knex } from 'knex';

// The activity report's running counts: how many live activities each person has per quarter hour,
// by kind, owner and privacy — emails by who filed them and when (`email_messages`), calls,
// meetings and notes by their owner and when they happened. A week or a month of any zone in use
// today begins on a quarter hour, so the report adds these up into its weeks exactly, in a few
// thousand rows instead of every activity. Triggers keep them true in the writer's transaction:
// an activity counts while it is not deleted (the trash keeps deleted ones until restored), and an
// email from the moment its message is stored, which is after its activity row. A deleted
// activity takes its email's count with it before the message row goes (BEFORE DELETE), since the
// message's own trigger can no longer see the activity then.
const statements = [
  `CREATE TABLE activity_quarter_counts (
    org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    quarter timestamptz NOT NULL,
    person_id uuid NOT NULL,
    owner_id uuid,
    kind text NOT NULL,
    private boolean NOT NULL,
    activities bigint NOT NULL,
    CONSTRAINT activity_quarter_counts_key UNIQUE NULLS NOT DISTINCT (org_id, quarter, person_id, kind, owner_id, private)
  )`,
  // Adds one activity (or takes one away) at the quarter hour `at` falls in. Taking away only ever
  // updates a row an addition made, so it never creates one.
  `CREATE FUNCTION activity_quarter_counts_add(
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
  $$`,
  // What one activity row counts for: a call, meeting or note by its owner when it happened; an
  // email by its filer when it was filed, once its message is stored.
  `CREATE FUNCTION activity_quarter_counts_count(a activities, p_delta integer) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    m record;
  BEGIN
    IF a.deleted_at IS NOT NULL THEN RETURN; END IF;
    IF a.type <> 'email' THEN
      PERFORM activity_quarter_counts_add(a.org_id, a.occurred_at, a.owner_id, a.type, a.owner_id, a.private, p_delta);
      RETURN;
    END IF;
    SELECT filed_by, filed_at INTO m FROM email_messages WHERE org_id = a.org_id AND activity_id = a.id;
    IF FOUND THEN
      PERFORM activity_quarter_counts_add(a.org_id, m.filed_at, m.filed_by, 'email', a.owner_id, a.private, p_delta);
    END IF;
  END
  $$`,
  `CREATE FUNCTION activity_quarter_counts_follow_activity() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM activity_quarter_counts_count(OLD, -1); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM activity_quarter_counts_count(NEW, 1); END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NULL;
  END
  $$`,
  `CREATE FUNCTION activity_quarter_counts_follow_email() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    a activities;
  BEGIN
    SELECT * INTO a FROM activities WHERE org_id = coalesce(NEW.org_id, OLD.org_id)
      AND id = coalesce(NEW.activity_id, OLD.activity_id);
    IF NOT FOUND OR a.deleted_at IS NOT NULL THEN RETURN NULL; END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      PERFORM activity_quarter_counts_add(a.org_id, OLD.filed_at, OLD.filed_by, 'email', a.owner_id, a.private, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      PERFORM activity_quarter_counts_add(a.org_id, NEW.filed_at, NEW.filed_by, 'email', a.owner_id, a.private, 1);
    END IF;
    RETURN NULL;
  END
  $$`,
  `CREATE TRIGGER activity_quarter_counts_insert AFTER INSERT ON activities
    FOR EACH ROW EXECUTE FUNCTION activity_quarter_counts_follow_activity()`,
  // Most edits (a subject, a body, a link) change nothing counted and skip the function.
  `CREATE TRIGGER activity_quarter_counts_update AFTER UPDATE ON activities
    FOR EACH ROW WHEN (
      (OLD.type, OLD.occurred_at, OLD.owner_id, OLD.private, OLD.deleted_at IS NULL)
        IS DISTINCT FROM (NEW.type, NEW.occurred_at, NEW.owner_id, NEW.private, NEW.deleted_at IS NULL)
    )
    EXECUTE FUNCTION activity_quarter_counts_follow_activity()`,
  `CREATE TRIGGER activity_quarter_counts_delete BEFORE DELETE ON activities
    FOR EACH ROW EXECUTE FUNCTION activity_quarter_counts_follow_activity()`,
  `CREATE TRIGGER activity_quarter_counts_email_insert AFTER INSERT ON email_messages
    FOR EACH ROW EXECUTE FUNCTION activity_quarter_counts_follow_email()`,
  `CREATE TRIGGER activity_quarter_counts_email_update AFTER UPDATE ON email_messages
    FOR EACH ROW WHEN ((OLD.filed_by, OLD.filed_at) IS DISTINCT FROM (NEW.filed_by, NEW.filed_at))
    EXECUTE FUNCTION activity_quarter_counts_follow_email()`,
  `CREATE TRIGGER activity_quarter_counts_email_delete AFTER DELETE ON email_messages
    FOR EACH ROW EXECUTE FUNCTION activity_quarter_counts_follow_email()`,
  // The triggers hold their locks on both tables until the migration commits, so nothing written
  // meanwhile is counted twice or missed.
  `INSERT INTO activity_quarter_counts (org_id, quarter, person_id, kind, owner_id, private, activities)
    SELECT org_id, date_bin('15 minutes', at, timestamptz '2000-01-01 00:00:00+00'), person_id, kind, owner_id, private, count(*)
    FROM (
      SELECT a.org_id, a.occurred_at AS at, a.owner_id AS person_id, a.type AS kind, a.owner_id, a.private
      FROM activities a WHERE a.type <> 'email' AND a.deleted_at IS NULL AND a.owner_id IS NOT NULL
      UNION ALL
      SELECT a.org_id, m.filed_at, m.filed_by, 'email', a.owner_id, a.private
      FROM activities a JOIN email_messages m ON m.org_id = a.org_id AND m.activity_id = a.id
      WHERE a.deleted_at IS NULL AND m.filed_by IS NOT NULL
    ) counted
    GROUP BY 1, 2, 3, 4, 5, 6`,
  'ANALYZE activity_quarter_counts',
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of statements) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  for (const trigger of ['insert', 'update', 'delete']) {
    await knex.raw(`DROP TRIGGER activity_quarter_counts_${trigger} ON activities`);
    await knex.raw(`DROP TRIGGER activity_quarter_counts_email_${trigger} ON email_messages`);
  }
  await knex.raw('DROP FUNCTION activity_quarter_counts_follow_email()');
  await knex.raw('DROP FUNCTION activity_quarter_counts_follow_activity()');
  await knex.raw('DROP FUNCTION activity_quarter_counts_count(activities, integer)');
  await knex.raw(
    'DROP FUNCTION activity_quarter_counts_add(uuid, timestamptz, uuid, text, uuid, boolean, integer)',
  );
  await knex.raw('DROP TABLE activity_quarter_counts');
}
