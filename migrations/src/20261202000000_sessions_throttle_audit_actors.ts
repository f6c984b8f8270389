import type { Knex } from 'knex';

const statements = [
  // A sign-in is a session: its refresh tokens rotate within it, and every access token names it, so
  // ending the session (logout, a refresh token used twice) ends them all at once.
  `CREATE TABLE sessions (
    org_id uuid NOT NULL,
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    ended_at timestamptz,
    end_reason text CHECK (end_reason IN ('logout', 'refresh_reused', 'password_changed', 'deactivated')),
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
  )`,
  `ALTER TABLE refresh_tokens ADD COLUMN session_id uuid`,
  // Refresh tokens issued before sessions existed each become a session of their own.
  `UPDATE refresh_tokens SET session_id = gen_random_uuid()`,
  `INSERT INTO sessions (org_id, id, user_id, created_at, ended_at, end_reason)
   SELECT org_id, session_id, user_id, created_at, revoked_at, CASE WHEN revoked_at IS NULL THEN NULL ELSE 'logout' END
   FROM refresh_tokens`,
  `ALTER TABLE refresh_tokens ALTER COLUMN session_id SET NOT NULL`,
  `ALTER TABLE refresh_tokens ADD FOREIGN KEY (org_id, session_id) REFERENCES sessions (org_id, id)`,
  `CREATE INDEX refresh_tokens_session ON refresh_tokens (org_id, session_id)`,
  // Sign-in attempts counted per address and per client, each bucket in a window that starts at its
  // first attempt, shared by every server instance. Not an organisation's data (the attempt names
  // no organisation yet).
  `CREATE TABLE login_throttle (
    bucket text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    attempts integer NOT NULL
  )`,
  `CREATE INDEX login_throttle_expiry ON login_throttle (expires_at)`,
  // Who made a write: a user, or the workflow rule or engagement plan acting on its own.
  `ALTER TABLE audit_log ADD COLUMN actor_type text NOT NULL DEFAULT 'user'
     CHECK (actor_type IN ('user', 'rule', 'plan', 'system'))`,
  `ALTER TABLE audit_log ADD COLUMN actor_ref uuid`,
  `UPDATE audit_log SET actor_type = 'system' WHERE actor_id IS NULL`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of statements) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE audit_log DROP COLUMN actor_ref');
  await knex.raw('ALTER TABLE audit_log DROP COLUMN actor_type');
  await knex.raw('DROP TABLE login_throttle');
  await knex.raw('ALTER TABLE refresh_tokens DROP COLUMN session_id');
  await knex.raw('DROP TABLE sessions');
}
