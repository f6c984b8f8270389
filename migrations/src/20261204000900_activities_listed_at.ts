import type { Knex } from 'knex';

// When an activity is listed and counted: an email when it was filed, a call, meeting or note when
// it was held. The activities list sorts and filters by it from one index, instead of sorting the
// organisation's activities joined to their messages on every page. Filing stores the message in
// the transaction that makes its activity, so `now()` at the insert is the message's filing time;
// a message stored with another time (an import, a test) sets it from the message.
const statements = [
  'ALTER TABLE activities ADD COLUMN listed_at timestamptz',
  `UPDATE activities a SET listed_at = coalesce(
     (SELECT m.filed_at FROM email_messages m WHERE m.org_id = a.org_id AND m.activity_id = a.id), a.occurred_at)`,
  'ALTER TABLE activities ALTER COLUMN listed_at SET NOT NULL',
  `CREATE FUNCTION activities_listed_at_set() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.type <> 'email' THEN
      NEW.listed_at := NEW.occurred_at;
    ELSIF TG_OP = 'INSERT' THEN
      NEW.listed_at := now();
    END IF;
    RETURN NEW;
  END
  $$`,
  `CREATE TRIGGER activities_listed_at BEFORE INSERT OR UPDATE OF type, occurred_at ON activities
    FOR EACH ROW EXECUTE FUNCTION activities_listed_at_set()`,
  `CREATE FUNCTION activities_listed_at_filed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE activities SET listed_at = NEW.filed_at
    WHERE org_id = NEW.org_id AND id = NEW.activity_id AND type = 'email' AND listed_at IS DISTINCT FROM NEW.filed_at;
    RETURN NULL;
  END
  $$`,
  `CREATE TRIGGER activities_listed_at_filed AFTER INSERT OR UPDATE OF filed_at ON email_messages
    FOR EACH ROW EXECUTE FUNCTION activities_listed_at_filed()`,
  'CREATE INDEX activities_listed ON activities (org_id, listed_at, id) WHERE deleted_at IS NULL',
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of statements) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER activities_listed_at_filed ON email_messages');
  await knex.raw('DROP FUNCTION activities_listed_at_filed()');
  await knex.raw('DROP TRIGGER activities_listed_at ON activities');
  await knex.raw('DROP FUNCTION activities_listed_at_set()');
  await knex.raw('ALTER TABLE activities DROP COLUMN listed_at');
}
