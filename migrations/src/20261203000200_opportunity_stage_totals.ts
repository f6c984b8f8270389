import type { Knex } from 'knex';

// The pipeline board's running totals: how many live deals each (stage, owner, currency) holds and
// what their amounts add up to, so a board for the organisation, one owner or a team reads a few
// dozen rows instead of summing every deal. A row trigger keeps them true: a deal counts while it
// is not deleted (the trash keeps deleted deals until restored), and every change that moves it
// between keys or changes its amount moves its count and amount with it. Deals without an amount
// count under a null currency; an owner-less deal under a null owner.
const statements = [
  `CREATE TABLE opportunity_stage_totals (
    org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    owner_id uuid,
    stage_id uuid NOT NULL,
    currency text,
    deals bigint NOT NULL,
    amount_minor bigint NOT NULL,
    CONSTRAINT opportunity_stage_totals_key UNIQUE NULLS NOT DISTINCT (org_id, owner_id, stage_id, currency)
  )`,
  `CREATE FUNCTION opportunity_stage_totals_add(
    p_org uuid, p_owner uuid, p_stage uuid, p_currency text, p_deals integer, p_amount bigint
  ) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO opportunity_stage_totals AS t (org_id, owner_id, stage_id, currency, deals, amount_minor)
    VALUES (p_org, p_owner, p_stage, p_currency, p_deals, coalesce(p_amount, 0))
    ON CONFLICT (org_id, owner_id, stage_id, currency) DO UPDATE
      SET deals = t.deals + excluded.deals, amount_minor = t.amount_minor + excluded.amount_minor;
  END
  $$`,
  // Two deals moved the opposite way at once each lock both keys' rows: taking them in one order
  // (the smaller key first) keeps the two transactions from deadlocking.
  `CREATE FUNCTION opportunity_stage_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    was_live boolean := false;
    is_live boolean := false;
    old_key text;
    new_key text;
  BEGIN
    IF TG_OP <> 'INSERT' THEN was_live := OLD.deleted_at IS NULL; END IF;
    IF TG_OP <> 'DELETE' THEN is_live := NEW.deleted_at IS NULL; END IF;
    IF was_live AND is_live
       AND (OLD.org_id, OLD.owner_id, OLD.stage_id, OLD.currency)
           IS NOT DISTINCT FROM (NEW.org_id, NEW.owner_id, NEW.stage_id, NEW.currency) THEN
      PERFORM opportunity_stage_totals_add(NEW.org_id, NEW.owner_id, NEW.stage_id, NEW.currency, 0,
        coalesce(NEW.amount_minor, 0) - coalesce(OLD.amount_minor, 0));
      RETURN NULL;
    END IF;
    IF was_live THEN
      old_key := concat_ws('/', OLD.org_id, OLD.owner_id, OLD.stage_id, OLD.currency);
    END IF;
    IF is_live THEN
      new_key := concat_ws('/', NEW.org_id, NEW.owner_id, NEW.stage_id, NEW.currency);
    END IF;
    IF was_live AND (NOT is_live OR old_key < new_key) THEN
      PERFORM opportunity_stage_totals_add(OLD.org_id, OLD.owner_id, OLD.stage_id, OLD.currency, -1, -OLD.amount_minor);
      was_live := false;
    END IF;
    IF is_live THEN
      PERFORM opportunity_stage_totals_add(NEW.org_id, NEW.owner_id, NEW.stage_id, NEW.currency, 1, NEW.amount_minor);
    END IF;
    IF was_live THEN
      PERFORM opportunity_stage_totals_add(OLD.org_id, OLD.owner_id, OLD.stage_id, OLD.currency, -1, -OLD.amount_minor);
    END IF;
    RETURN NULL;
  END
  $$`,
  `CREATE TRIGGER opportunity_stage_totals_insert AFTER INSERT ON opportunities
    FOR EACH ROW EXECUTE FUNCTION opportunity_stage_totals_follow()`,
  `CREATE TRIGGER opportunity_stage_totals_delete AFTER DELETE ON opportunities
    FOR EACH ROW EXECUTE FUNCTION opportunity_stage_totals_follow()`,
  // Most edits (a name, a close date, a probability) touch no total and skip the function.
  `CREATE TRIGGER opportunity_stage_totals_update AFTER UPDATE ON opportunities
    FOR EACH ROW WHEN (
      (OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL)
      OR (OLD.org_id, OLD.owner_id, OLD.stage_id, OLD.currency, OLD.amount_minor)
         IS DISTINCT FROM (NEW.org_id, NEW.owner_id, NEW.stage_id, NEW.currency, NEW.amount_minor)
    )
    EXECUTE FUNCTION opportunity_stage_totals_follow()`,
  // The triggers hold their lock on opportunities until the migration commits, so no deal written
  // meanwhile is counted twice or missed.
  `INSERT INTO opportunity_stage_totals (org_id, owner_id, stage_id, currency, deals, amount_minor)
    SELECT org_id, owner_id, stage_id, currency, count(*), coalesce(sum(amount_minor), 0)
    FROM opportunities WHERE deleted_at IS NULL
    GROUP BY org_id, owner_id, stage_id, currency`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of statements) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  for (const trigger of ['insert', 'delete', 'update']) {
    await knex.raw(`DROP TRIGGER opportunity_stage_totals_${trigger} ON opportunities`);
  }
  await knex.raw('DROP FUNCTION opportunity_stage_totals_follow()');
  await knex.raw('DROP FUNCTION opportunity_stage_totals_add(uuid, uuid, uuid, text, integer, bigint)');
  await knex.raw('DROP TABLE opportunity_stage_totals');
}
