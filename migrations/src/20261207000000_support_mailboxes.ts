import type { Knex } from 'knex';

// The service desk's first step: human-readable case numbers per organisation, a case's queue (a
// team) and category, support mailboxes read over IMAP, and the ledger that makes each fetched
// message count once.
const UP = [
  // Numbers come from a sequence per organisation, taken by a trigger so that every way a case is
  // made (the API, a mailbox, a rule, an import) gets one. A sequence never waits for another
  // transaction, so support mail read by many instances at once does not queue on a counter; a
  // rolled-back case leaves a gap, as in every CRM.
  `CREATE FUNCTION case_number_sequence(org uuid) RETURNS text LANGUAGE sql IMMUTABLE
     AS $$ SELECT 'case_numbers_' || replace(org::text, '-', '') $$`,
  `CREATE FUNCTION organisations_case_numbers() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', case_number_sequence(NEW.id));
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER organisations_case_numbers AFTER INSERT ON organisations
     FOR EACH ROW EXECUTE FUNCTION organisations_case_numbers()`,
  `ALTER TABLE cases ADD COLUMN number integer,
    ADD COLUMN team_id uuid,
    ADD COLUMN category text CHECK (char_length(category) <= 100),
    ADD COLUMN support_mailbox_id uuid,
    ADD FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id)`,
  `UPDATE cases SET number = numbered.number
     FROM (SELECT org_id, id, row_number() OVER (PARTITION BY org_id ORDER BY created_at, id) AS number FROM cases) numbered
    WHERE cases.org_id = numbered.org_id AND cases.id = numbered.id`,
  `DO $$
   DECLARE org record;
   BEGIN
     FOR org IN SELECT o.id, (SELECT max(number) FROM cases c WHERE c.org_id = o.id) AS last FROM organisations o LOOP
       EXECUTE format('CREATE SEQUENCE %I', case_number_sequence(org.id));
       PERFORM setval(case_number_sequence(org.id), coalesce(org.last, 1), org.last IS NOT NULL);
     END LOOP;
   END $$`,
  `CREATE FUNCTION cases_take_number() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.number IS NULL THEN
       NEW.number := nextval(case_number_sequence(NEW.org_id));
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER cases_take_number BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION cases_take_number()`,
  `ALTER TABLE cases ALTER COLUMN number SET NOT NULL`,
  `CREATE UNIQUE INDEX cases_number ON cases (org_id, number)`,
  `CREATE INDEX cases_team ON cases (org_id, team_id, status) WHERE team_id IS NOT NULL`,

  // Mail a support mailbox brought in; a mailbox writes as itself in the audit log.
  `ALTER TABLE email_messages DROP CONSTRAINT email_messages_source_check,
    ADD CONSTRAINT email_messages_source_check CHECK (source IN ('outlook', 'gmail', 'api', 'mailbox'))`,
  `ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_type_check,
    ADD CONSTRAINT audit_log_actor_type_check CHECK (actor_type IN ('user', 'rule', 'plan', 'system', 'mailbox'))`,

  // A support mailbox: where to connect, the secret sealed with the server's key (never stored
  // plain), what to do with mail once read (never delete it), and what the last connection said.
  // uid_validity and last_uid are the reading position: every UID up to last_uid is in the ledger.
  // A new mailbox starts after the mail already there, unless the admin asks to read it too.
  `CREATE TABLE support_mailboxes (
    org_id uuid NOT NULL REFERENCES organisations (id),
    id uuid NOT NULL,
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    address text NOT NULL CHECK (address = lower(address)),
    host text NOT NULL,
    port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
    security text NOT NULL CHECK (security IN ('tls', 'starttls', 'none')),
    username text NOT NULL,
    auth_method text NOT NULL CHECK (auth_method IN ('password', 'oauth2')),
    sealed_secret text NOT NULL,
    folder text NOT NULL DEFAULT 'INBOX',
    after_reading text NOT NULL DEFAULT 'mark_seen' CHECK (after_reading IN ('mark_seen', 'move')),
    move_to_folder text,
    team_id uuid,
    enabled boolean NOT NULL DEFAULT true,
    read_existing boolean NOT NULL DEFAULT false,
    uid_validity bigint,
    last_uid bigint NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'connected', 'failing', 'off')),
    last_error text,
    last_error_at timestamptz,
    last_read_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, address),
    CHECK ((after_reading = 'move') = (move_to_folder IS NOT NULL)),
    FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id)
  )`,
  `ALTER TABLE cases ADD FOREIGN KEY (org_id, support_mailbox_id) REFERENCES support_mailboxes (org_id, id)`,

  // One row per message a mailbox fetched, written in the transaction that acts on it: the primary
  // key is what makes a message count once, across restarts and instances. A message that could
  // not be read keeps its source (up to a limit) and the reason, for admins.
  `CREATE TABLE support_mail_received (
    org_id uuid NOT NULL,
    mailbox_id uuid NOT NULL,
    uid_validity bigint NOT NULL,
    uid bigint NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('case_opened', 'case_updated', 'duplicate', 'refused', 'unreadable')),
    message_key text,
    case_id uuid,
    activity_id uuid,
    subject text,
    from_email text,
    reason text,
    source bytea,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, mailbox_id, uid_validity, uid),
    FOREIGN KEY (org_id, mailbox_id) REFERENCES support_mailboxes (org_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX support_mail_received_problems ON support_mail_received (org_id, mailbox_id, received_at DESC)
    WHERE outcome IN ('refused', 'unreadable')`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of UP) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE support_mail_received');
  await knex.raw(
    'ALTER TABLE cases DROP COLUMN support_mailbox_id, DROP COLUMN category, DROP COLUMN team_id',
  );
  await knex.raw('DROP TABLE support_mailboxes');
  await knex.raw(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_type_check,
    ADD CONSTRAINT audit_log_actor_type_check CHECK (actor_type IN ('user', 'rule', 'plan', 'system'))`);
  await knex.raw(`ALTER TABLE email_messages DROP CONSTRAINT email_messages_source_check,
    ADD CONSTRAINT email_messages_source_check CHECK (source IN ('outlook', 'gmail', 'api'))`);
  await knex.raw('DROP TRIGGER cases_take_number ON cases');
  await knex.raw('DROP FUNCTION cases_take_number');
  await knex.raw('ALTER TABLE cases DROP COLUMN number');
  await knex.raw('DROP TRIGGER organisations_case_numbers ON organisations');
  await knex.raw('DROP FUNCTION organisations_case_numbers');
  await knex.raw(`DO $$
    DECLARE org record;
    BEGIN
      FOR org IN SELECT id FROM organisations LOOP
        EXECUTE format('DROP SEQUENCE IF EXISTS %I', case_number_sequence(org.id));
      END LOOP;
    END $$`);
  await knex.raw('DROP FUNCTION case_number_sequence');
}
