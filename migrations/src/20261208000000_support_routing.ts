import type { Knex } from 'knex';

// The service desk's second step: routing rules and an acknowledgement per support mailbox, the
// server that mail from a support address goes out through, and round-robin assignment per queue.
const DEFAULT_ACKNOWLEDGEMENT = {
  enabled: false,
  subject: '[#{{number}}] {{subject}}',
  body: [
    'Hello {{name}},',
    '',
    'Thank you for writing to us. Your request is now case #{{number}}, and we will answer as soon as we can.',
    'If you have more to add, reply to this message.',
    '',
    '{{mailbox}}',
  ].join('\n'),
  maxPerHour: 3,
};

const UP = [
  // Routing has its own version: editing rules does not reconnect the mailbox.
  `ALTER TABLE support_mailboxes
     ADD COLUMN routing_rules jsonb NOT NULL DEFAULT '[]',
     ADD COLUMN acknowledgement jsonb NOT NULL DEFAULT '${JSON.stringify(DEFAULT_ACKNOWLEDGEMENT).replace(/'/g, "''")}',
     ADD COLUMN routing_version integer NOT NULL DEFAULT 1,
     ADD COLUMN smtp_host text,
     ADD COLUMN smtp_port integer CHECK (smtp_port BETWEEN 1 AND 65535),
     ADD COLUMN smtp_security text CHECK (smtp_security IN ('tls', 'starttls', 'none')),
     ADD CHECK ((smtp_host IS NULL) = (smtp_port IS NULL) AND (smtp_host IS NULL) = (smtp_security IS NULL))`,
  // Whose turn it is next in the queue, for round-robin assignment.
  `ALTER TABLE teams ADD COLUMN last_assigned_user_id uuid`,
  // Mail from a support address (acknowledgements, answers) waits in the outbox like any delivery.
  `ALTER TABLE deliveries DROP CONSTRAINT deliveries_channel_check,
     ADD CONSTRAINT deliveries_channel_check CHECK (channel IN ('email', 'webhook', 'support_mail'))`,
  // Counting a sender's acknowledgements in the last hour, for the loop guard.
  `CREATE INDEX deliveries_support_mail_recipient ON deliveries (org_id, recipient, created_at)
     WHERE channel = 'support_mail'`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of UP) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX deliveries_support_mail_recipient');
  await knex.raw(`DELETE FROM deliveries WHERE channel = 'support_mail'`);
  await knex.raw(`ALTER TABLE deliveries DROP CONSTRAINT deliveries_channel_check,
    ADD CONSTRAINT deliveries_channel_check CHECK (channel IN ('email', 'webhook'))`);
  await knex.raw('ALTER TABLE teams DROP COLUMN last_assigned_user_id');
  await knex.raw(`ALTER TABLE support_mailboxes DROP COLUMN routing_rules, DROP COLUMN acknowledgement,
    DROP COLUMN routing_version, DROP COLUMN smtp_host, DROP COLUMN smtp_port, DROP COLUMN smtp_security`);
}
