import type { Knex } from 'knex';

// Service levels: policies of targets per priority on a business calendar, and the warnings and
// breaches raised for cases, each once per deadline.
const UP = [
  `CREATE TABLE sla_policies (
    org_id uuid NOT NULL REFERENCES organisations (id),
    id uuid NOT NULL,
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    calendar jsonb NOT NULL,
    targets jsonb NOT NULL,
    account_ids uuid[] NOT NULL DEFAULT '{}',
    warn_minutes integer NOT NULL CHECK (warn_minutes >= 0),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, name)
  )`,
  // One default policy (for no account in particular) per organisation.
  `CREATE UNIQUE INDEX sla_policies_default ON sla_policies (org_id) WHERE cardinality(account_ids) = 0`,
  // A case's clock warns once and breaches once, whatever later moves its deadline (a pause, a new
  // priority): an escalation does not set off another. due_at is the deadline that was missed.
  `CREATE TABLE case_sla_alerts (
    org_id uuid NOT NULL,
    case_id uuid NOT NULL,
    clock text NOT NULL CHECK (clock IN ('first_response', 'resolution')),
    level text NOT NULL CHECK (level IN ('warning', 'breach')),
    due_at timestamptz NOT NULL,
    raised_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, case_id, clock, level),
    FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE
  )`,
  // The watch reads the organisation's open cases each minute.
  `CREATE INDEX cases_running ON cases (org_id, created_at) WHERE status IN ('new', 'open') AND deleted_at IS NULL`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of UP) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX cases_running');
  await knex.raw('DROP TABLE case_sla_alerts');
  await knex.raw('DROP TABLE sla_policies');
}
