import type { Knex } from 'knex';

// A meeting logged from a calendar carries its occurrence: the organiser's address and its start.
// Logging the same occurrence again (a second attendee, another client) finds the one logged. A
// private log claims the occurrence for its owner only, so it never blocks a colleague's.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE activities ADD COLUMN occurrence_key text,
    ADD CONSTRAINT activities_occurrence_key_meeting CHECK (occurrence_key IS NULL OR type = 'meeting')`);
  await knex.raw(`CREATE UNIQUE INDEX activities_occurrence_key ON activities (org_id, occurrence_key)
    WHERE occurrence_key IS NOT NULL AND deleted_at IS NULL AND NOT private`);
  await knex.raw(`CREATE UNIQUE INDEX activities_private_occurrence_key ON activities (org_id, occurrence_key, owner_id)
    WHERE occurrence_key IS NOT NULL AND deleted_at IS NULL AND private`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX activities_private_occurrence_key');
  await knex.raw('DROP INDEX activities_occurrence_key');
  await knex.raw('ALTER TABLE activities DROP COLUMN occurrence_key');
}
