import type { Knex } from 'knex';

// Correspondence lists ("filed by me", "filed by my team") walk a filer's emails newest first.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX email_messages_filer ON email_messages (org_id, filed_by, activity_id DESC)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX email_messages_filer');
}
