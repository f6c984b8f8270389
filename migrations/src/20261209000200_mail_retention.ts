import type { Knex } from 'knex';

// Keeping mail: an organisation may remove the bodies and attachments of emails (or the emails)
// older than some months, and may keep no bodies at all ("metadata only"). An email whose content
// was removed says so, and when.
const UP = [
  `ALTER TABLE organisations
     ADD COLUMN retention_months integer CHECK (retention_months BETWEEN 1 AND 1200),
     ADD COLUMN retention_action text NOT NULL DEFAULT 'remove_content' CHECK (retention_action IN ('remove_content', 'delete')),
     ADD COLUMN metadata_only boolean NOT NULL DEFAULT false`,
  `ALTER TABLE email_messages
     ADD COLUMN content_removed text CHECK (content_removed IN ('retention', 'metadata_only')),
     ADD COLUMN content_removed_at timestamptz`,
  // The retention sweep walks an organisation's oldest mail that still has its content.
  `CREATE INDEX email_messages_with_content ON email_messages (org_id, sent_at) WHERE content_removed IS NULL`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of UP) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX email_messages_with_content');
  await knex.raw('ALTER TABLE email_messages DROP COLUMN content_removed, DROP COLUMN content_removed_at');
  await knex.raw(
    'ALTER TABLE organisations DROP COLUMN retention_months, DROP COLUMN retention_action, DROP COLUMN metadata_only',
  );
}
