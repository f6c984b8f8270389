import type { Knex } from 'knex';

// Tasks with reminders, workflow rules, engagement plans, notifications and outbound deliveries,
// all driven by one durable queue of scheduled jobs (see server/src/jobs).
const statements = [
  // Who a user reports to ("the owner's manager" in workflow rules) and the zone their day runs in.
  `ALTER TABLE users
    ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC',
    ADD COLUMN manager_id uuid,
    ADD FOREIGN KEY (org_id, manager_id) REFERENCES users (org_id, id)`,
  `CREATE TABLE engagement_plans (
    org_id uuid NOT NULL REFERENCES organisations (id),
    id uuid NOT NULL,
    name text NOT NULL,
    record_type text NOT NULL CHECK (record_type IN ('contact', 'opportunity')),
    steps jsonb NOT NULL,
    created_by uuid,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
  )`,
  // One run of a plan for one record, with the plan's steps as they were when it started.
  // contact_id is whose reply stops it (the record itself for a contact plan, the opportunity's
  // contact for an opportunity plan).
  `CREATE TABLE plan_enrollments (
    org_id uuid NOT NULL,
    id uuid NOT NULL,
    plan_id uuid NOT NULL,
    record_type text NOT NULL CHECK (record_type IN ('contact', 'opportunity')),
    record_id uuid NOT NULL,
    contact_id uuid,
    owner_id uuid,
    status text NOT NULL CHECK (status IN ('active', 'completed', 'stopped')),
    stop_reason text CHECK (stop_reason IN ('replied', 'closed', 'stopped_by_user', 'record_deleted')),
    steps jsonb NOT NULL,
    steps_done integer NOT NULL DEFAULT 0,
    started_at timestamptz NOT NULL,
    started_by uuid,
    rule_id uuid,
    ended_at timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, plan_id) REFERENCES engagement_plans (org_id, id),
    FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, id),
    FOREIGN KEY (org_id, started_by) REFERENCES users (org_id, id)
  )`,
  `CREATE UNIQUE INDEX plan_enrollments_one_active ON plan_enrollments (org_id, plan_id, record_type, record_id)
    WHERE status = 'active'`,
  `CREATE INDEX plan_enrollments_record ON plan_enrollments (org_id, record_type, record_id, id DESC)`,
  `CREATE INDEX plan_enrollments_contact ON plan_enrollments (org_id, contact_id) WHERE status = 'active'`,
  // The zone a task's due time was given in, how long before it the assignee is reminded, and the
  // plan step that created it.
  `ALTER TABLE tasks
    ADD COLUMN time_zone text,
    ADD COLUMN reminder_minutes integer CHECK (reminder_minutes BETWEEN 0 AND 40320),
    ADD COLUMN plan_enrollment_id uuid,
    ADD COLUMN plan_step integer,
    ADD FOREIGN KEY (org_id, plan_enrollment_id) REFERENCES plan_enrollments (org_id, id)`,
  `CREATE INDEX tasks_open_due ON tasks (org_id, due_at, id) WHERE NOT done AND deleted_at IS NULL`,
  `CREATE INDEX tasks_enrollment ON tasks (org_id, plan_enrollment_id) WHERE plan_enrollment_id IS NOT NULL`,
  `CREATE TABLE workflow_rules (
    org_id uuid NOT NULL REFERENCES organisations (id),
    id uuid NOT NULL,
    name text NOT NULL,
    enabled boolean NOT NULL DEFAULT true,
    record_type text NOT NULL,
    trigger_type text NOT NULL,
    definition jsonb NOT NULL,
    created_by uuid,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
  )`,
  `CREATE INDEX workflow_rules_trigger ON workflow_rules (org_id, record_type, trigger_type)
    WHERE enabled AND deleted_at IS NULL`,
  `CREATE TABLE webhooks (
    org_id uuid NOT NULL REFERENCES organisations (id),
    id uuid NOT NULL,
    name text NOT NULL,
    url text NOT NULL,
    secret text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    PRIMARY KEY (org_id, id)
  )`,
  // Work that falls due at run_at. The queue is shared by all organisations, so its due index has
  // no org_id. A pending job's dedupe_key is unique: rescheduling replaces, never doubles.
  `CREATE TABLE scheduled_jobs (
    org_id uuid NOT NULL REFERENCES organisations (id),
    id uuid NOT NULL,
    kind text NOT NULL,
    run_at timestamptz NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}',
    dedupe_key text,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'cancelled', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    PRIMARY KEY (org_id, id)
  )`,
  `CREATE INDEX scheduled_jobs_due ON scheduled_jobs (run_at) WHERE status = 'pending'`,
  `CREATE UNIQUE INDEX scheduled_jobs_pending_key ON scheduled_jobs (org_id, dedupe_key)
    WHERE status = 'pending' AND dedupe_key IS NOT NULL`,
  `CREATE INDEX scheduled_jobs_key ON scheduled_jobs (org_id, dedupe_key, run_at) WHERE dedupe_key IS NOT NULL`,
  `CREATE INDEX scheduled_jobs_failed ON scheduled_jobs (org_id, id DESC) WHERE status = 'failed'`,
  `CREATE TABLE notifications (
    org_id uuid NOT NULL,
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    body text NOT NULL DEFAULT '',
    record_type text,
    record_id uuid,
    task_id uuid,
    job_id uuid,
    created_at timestamptz NOT NULL,
    read_at timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
  )`,
  `CREATE INDEX notifications_user ON notifications (org_id, user_id, id DESC)`,
  `CREATE INDEX notifications_unread ON notifications (org_id, user_id) WHERE read_at IS NULL`,
  // A job notifies each user once, whatever happens to the process that runs it.
  `CREATE UNIQUE INDEX notifications_job ON notifications (org_id, job_id, user_id) WHERE job_id IS NOT NULL`,
  // Email and webhook deliveries. The id is the delivery id a receiver sees (Message-ID, header).
  // A claim is a lease: a sender that dies is replaced once lease_until has passed.
  `CREATE TABLE deliveries (
    org_id uuid NOT NULL REFERENCES organisations (id),
    id uuid NOT NULL,
    channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
    recipient text NOT NULL,
    webhook_id uuid,
    job_id uuid,
    event text NOT NULL,
    payload jsonb NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    due_at timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    lease_until timestamptz,
    claimed_by text,
    last_error text,
    last_status integer,
    created_at timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, webhook_id) REFERENCES webhooks (org_id, id)
  )`,
  `CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending'`,
  `CREATE INDEX deliveries_leased ON deliveries (lease_until) WHERE status = 'sending'`,
  `CREATE INDEX deliveries_by_org ON deliveries (org_id, status, id DESC)`,
];

const tables = ['deliveries', 'notifications', 'scheduled_jobs', 'webhooks', 'workflow_rules'];

export async function up(knex: Knex): Promise<void> {
  for (const statement of statements) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of tables) await knex.raw(`DROP TABLE IF EXISTS ${table}`);
  await knex.raw(`ALTER TABLE tasks
    DROP COLUMN plan_step, DROP COLUMN plan_enrollment_id, DROP COLUMN reminder_minutes, DROP COLUMN time_zone`);
  await knex.raw('DROP TABLE IF EXISTS plan_enrollments');
  await knex.raw('DROP TABLE IF EXISTS engagement_plans');
  await knex.raw('ALTER TABLE users DROP COLUMN manager_id, DROP COLUMN time_zone');
}
