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
  // The count an activity falls in — a call, meeting or note by its owner when it happened, an
  // email by its filer when it was filed — or nulls when it counts nowhere (deleted, no owner or
  // filer, an email whose message is not stored yet).
  `CREATE FUNCTION activity_quarter_counts_key(
    a activities, OUT quarter timestamptz, OUT person_id uuid, OUT kind text, OUT owner_id uuid, OUT private boolean
  ) LANGUAGE plpgsql STABLE AS $$
  DECLARE
    m record;
    v_at timestamptz;
  BEGIN
    IF a.deleted_at IS NOT NULL THEN RETURN; END IF;
    IF a.type = 'email' THEN
      SELECT filed_by, filed_at INTO m FROM email_messages WHERE org_id = a.org_id AND activity_id = a.id;
      IF NOT FOUND OR m.filed_by IS NULL THEN RETURN; END IF;
      person_id := m.filed_by;
      v_at := m.filed_at;
    ELSE
      IF a.owner_id IS NULL THEN RETURN; END IF;
      person_id := a.owner_id;
      v_at := a.occurred_at;
    END IF;
    quarter := date_bin('15 minutes', v_at, timestamptz '2000-01-01 00:00:00+00');
    kind := a.type;
    owner_id := a.owner_id;
    private := a.private;
  END
  $$`,
  `CREATE FUNCTION activity_quarter_counts_move(p_org uuid, p_key record, p_delta integer)
  RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    IF p_key.person_id IS NULL THEN RETURN; END IF;
    PERFORM activity_quarter_counts_add(p_org, p_key.quarter, p_key.person_id, p_key.kind, p_key.owner_id,
      p_key.private, p_delta);
  END
  $$`,
  // An activity that moves between counts (made private, a call moved to another day) takes the
  // two count rows in one order, the smaller key first, so two moves the opposite way at once
  // cannot deadlock; a move that stays in its count writes nothing.
  `CREATE FUNCTION activity_quarter_counts_follow_activity() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    old_key record;
    new_key record;
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM activity_quarter_counts_move(NEW.org_id, activity_quarter_counts_key(NEW), 1);
      RETURN NULL;
    END IF;
    old_key := activity_quarter_counts_key(OLD);
    IF TG_OP = 'DELETE' THEN
      PERFORM activity_quarter_counts_move(OLD.org_id, old_key, -1);
      RETURN OLD;
    END IF;
    new_key := activity_quarter_counts_key(NEW);
    IF (OLD.org_id, old_key::text) IS NOT DISTINCT FROM (NEW.org_id, new_key::text) THEN RETURN NULL; END IF;
    IF new_key.person_id IS NULL OR (old_key.person_id IS NOT NULL AND old_key::text < new_key::text) THEN
      PERFORM activity_quarter_counts_move(OLD.org_id, old_key, -1);
      PERFORM activity_quarter_counts_move(NEW.org_id, new_key, 1);
    ELSE
      PERFORM activity_quarter_counts_move(NEW.org_id, new_key, 1);
      PERFORM activity_quarter_counts_move(OLD.org_id, old_key, -1);
    END IF;
    RETURN NULL;
  END
  $$`,
  // A message row counts only for an email activity; one moved to another activity moves its count.
  `CREATE FUNCTION activity_quarter_counts_follow_email() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    a activities;
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      SELECT * INTO a FROM activities WHERE org_id = OLD.org_id AND id = OLD.activity_id;
      IF FOUND AND a.type = 'email' AND a.deleted_at IS NULL THEN
        PERFORM activity_quarter_counts_add(a.org_id, OLD.filed_at, OLD.filed_by, 'email', a.owner_id, a.private, -1);
      END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      SELECT * INTO a FROM activities WHERE org_id = NEW.org_id AND id = NEW.activity_id;
      IF FOUND AND a.type = 'email' AND a.deleted_at IS NULL THEN
        PERFORM activity_quarter_counts_add(a.org_id, NEW.filed_at, NEW.filed_by, 'email', a.owner_id, a.private, 1);
      END IF;
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
    FOR EACH ROW WHEN ((OLD.activity_id, OLD.filed_by, OLD.filed_at)
                       IS DISTINCT FROM (NEW.activity_id, NEW.filed_by, NEW.filed_at))
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
  await knex.raw('DROP FUNCTION activity_quarter_counts_move(uuid, record, integer)');
  await knex.raw('DROP FUNCTION activity_quarter_counts_key(activities)');
  await knex.raw(
    'DROP FUNCTION activity_quarter_counts_add(uuid, timestamptz, uuid, text, uuid, boolean, integer)',
  );
  await knex.raw('DROP TABLE activity_quarter_counts');
}
