import type { Knex } from 'knex';

// Mailbox archives (.mbox, .eml) are imported as emails: an import of kind 'email', whose messages
// that match no contact or account are skipped (counted, not filed), and whose filings say they
// came from an import.
const UP = [
  `ALTER TABLE imports DROP CONSTRAINT imports_record_type_check,
     ADD CONSTRAINT imports_record_type_check
       CHECK (record_type IN ('account', 'contact', 'opportunity', 'case', 'note', 'call', 'email'))`,
  `ALTER TABLE import_rows DROP CONSTRAINT import_rows_action_check,
     ADD CONSTRAINT import_rows_action_check CHECK (action IN ('create', 'update', 'unchanged', 'refuse', 'skip'))`,
  `ALTER TABLE email_messages DROP CONSTRAINT email_messages_source_check,
     ADD CONSTRAINT email_messages_source_check CHECK (source IN ('outlook', 'gmail', 'api', 'mailbox', 'import'))`,
];

const DOWN = [
  `ALTER TABLE email_messages DROP CONSTRAINT email_messages_source_check,
     ADD CONSTRAINT email_messages_source_check CHECK (source IN ('outlook', 'gmail', 'api', 'mailbox'))`,
  `ALTER TABLE import_rows DROP CONSTRAINT import_rows_action_check,
     ADD CONSTRAINT import_rows_action_check CHECK (action IN ('create', 'update', 'unchanged', 'refuse'))`,
  `ALTER TABLE imports DROP CONSTRAINT imports_record_type_check,
     ADD CONSTRAINT imports_record_type_check
       CHECK (record_type IN ('account', 'contact', 'opportunity', 'case', 'note', 'call'))`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of UP) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  for (const statement of DOWN) await knex.raw(statement);
}
