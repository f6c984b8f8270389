import type { Knex } from 'knex';

// Each deal's time in each stage it has left: all its stays there added up, when it last left, and
// the deal's owner, account and whether it is in the trash, so that the win-rate report's time in
// stage reads the deals that last left a stage in its period, for any owner, team or account,
// from one index instead of adding up a year of stays per deal. Row triggers keep it exact in
// the writer's transaction: any change to a deal's stays in a stage works that pair out again
// from the stays (one index lookup), so the history stays the one source; a deal's new owner,
// account or trash state is copied onto its rows. No foreign key: a deal erased for good takes
// its stays, and their trigger takes the rows.
const statements = [
  `CREATE TABLE opportunity_stage_time (
    org_id uuid NOT NULL,
    opportunity_id uuid NOT NULL,
    stage_id uuid NOT NULL,
    spent_seconds double precision NOT NULL,
    last_left_at timestamptz NOT NULL,
    owner_id uuid,
    account_id uuid,
    deleted boolean NOT NULL,
    PRIMARY KEY (org_id, opportunity_id, stage_id)
  )`,
  `CREATE INDEX opportunity_stage_time_left ON opportunity_stage_time (org_id, last_left_at)
    INCLUDE (stage_id, spent_seconds, owner_id, account_id, deleted)`,
  `CREATE FUNCTION opportunity_stage_time_work_out(p_org uuid, p_opportunity uuid, p_stage uuid)
  RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    v_spent double precision;
    v_last timestamptz;
  BEGIN
    SELECT sum(date_part('epoch', left_at) - date_part('epoch', entered_at)), max(left_at)
      INTO v_spent, v_last
      FROM opportunity_stage_history
      WHERE org_id = p_org AND opportunity_id = p_opportunity AND stage_id = p_stage AND left_at IS NOT NULL;
    IF v_last IS NULL THEN
      DELETE FROM opportunity_stage_time
      WHERE org_id = p_org AND opportunity_id = p_opportunity AND stage_id = p_stage;
    ELSE
      INSERT INTO opportunity_stage_time
        (org_id, opportunity_id, stage_id, spent_seconds, last_left_at, owner_id, account_id, deleted)
      SELECT p_org, p_opportunity, p_stage, v_spent, v_last, o.owner_id, o.account_id, o.deleted_at IS NOT NULL
      FROM opportunities o WHERE o.org_id = p_org AND o.id = p_opportunity
      ON CONFLICT (org_id, opportunity_id, stage_id) DO UPDATE
        SET spent_seconds = excluded.spent_seconds, last_left_at = excluded.last_left_at;
    END IF;
  END
  $$`,
  `CREATE FUNCTION opportunity_stage_time_follow() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      PERFORM opportunity_stage_time_work_out(OLD.org_id, OLD.opportunity_id, OLD.stage_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT'
        OR (OLD.org_id, OLD.opportunity_id, OLD.stage_id) IS DISTINCT FROM (NEW.org_id, NEW.opportunity_id, NEW.stage_id)) THEN
      PERFORM opportunity_stage_time_work_out(NEW.org_id, NEW.opportunity_id, NEW.stage_id);
    END IF;
    RETURN NULL;
  END
  $$`,
  // A stay begun (no end yet) changes no time; ending it, or editing its times, does.
  `CREATE TRIGGER opportunity_stage_time_insert AFTER INSERT ON opportunity_stage_history
    FOR EACH ROW WHEN (NEW.left_at IS NOT NULL) EXECUTE FUNCTION opportunity_stage_time_follow()`,
  `CREATE TRIGGER opportunity_stage_time_update AFTER UPDATE ON opportunity_stage_history
    FOR EACH ROW WHEN ((OLD.opportunity_id, OLD.stage_id, OLD.entered_at, OLD.left_at)
                       IS DISTINCT FROM (NEW.opportunity_id, NEW.stage_id, NEW.entered_at, NEW.left_at))
    EXECUTE FUNCTION opportunity_stage_time_follow()`,
  `CREATE TRIGGER opportunity_stage_time_delete AFTER DELETE ON opportunity_stage_history
    FOR EACH ROW WHEN (OLD.left_at IS NOT NULL) EXECUTE FUNCTION opportunity_stage_time_follow()`,
  `CREATE FUNCTION opportunity_stage_time_follow_deal() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE opportunity_stage_time
    SET owner_id = NEW.owner_id, account_id = NEW.account_id, deleted = NEW.deleted_at IS NOT NULL
    WHERE org_id = NEW.org_id AND opportunity_id = NEW.id;
    RETURN NULL;
  END
  $$`,
  `CREATE TRIGGER opportunity_stage_time_deal AFTER UPDATE ON opportunities
    FOR EACH ROW WHEN ((OLD.owner_id, OLD.account_id, OLD.deleted_at IS NULL)
                       IS DISTINCT FROM (NEW.owner_id, NEW.account_id, NEW.deleted_at IS NULL))
    EXECUTE FUNCTION opportunity_stage_time_follow_deal()`,
  // The triggers hold their locks until the migration commits.
  `INSERT INTO opportunity_stage_time
      (org_id, opportunity_id, stage_id, spent_seconds, last_left_at, owner_id, account_id, deleted)
    SELECT h.org_id, h.opportunity_id, h.stage_id,
           sum(date_part('epoch', h.left_at) - date_part('epoch', h.entered_at)), max(h.left_at),
           o.owner_id, o.account_id, o.deleted_at IS NOT NULL
    FROM opportunity_stage_history h
    JOIN opportunities o ON o.org_id = h.org_id AND o.id = h.opportunity_id
    WHERE h.left_at IS NOT NULL
    GROUP BY h.org_id, h.opportunity_id, h.stage_id, o.owner_id, o.account_id, o.deleted_at`,
  'ANALYZE opportunity_stage_time',
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of statements) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  for (const trigger of ['insert', 'update', 'delete']) {
    await knex.raw(`DROP TRIGGER opportunity_stage_time_${trigger} ON opportunity_stage_history`);
  }
  await knex.raw('DROP FUNCTION opportunity_stage_time_follow()');
  await knex.raw('DROP FUNCTION opportunity_stage_time_work_out(uuid, uuid, uuid)');
  await knex.raw('DROP TRIGGER opportunity_stage_time_deal ON opportunities');
  await knex.raw('DROP FUNCTION opportunity_stage_time_follow_deal()');
  await knex.raw('DROP TABLE opportunity_stage_time');
}
