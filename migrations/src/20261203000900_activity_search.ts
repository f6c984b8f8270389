import type { Knex } from 'knex';

// Full-text search over correspondence (server/src/modules/activity-search). One row per activity
// that is live and filed to at least one record: its words (folded by the server, positions and
// weights kept for phrases and ranking) and its tags (kind, records, participants, who filed it,
// attachments) in one tsvector, so that one GIN scan answers words and filters together; beside it
// what the privacy rule and the date filter read. The server writes the rows in the transaction of
// each filing or activity change; search_index_state records which version of the folding rules
// the rows were made with, and the server's migrate step (re)builds them in batches when it is
// behind, the first time included.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE TABLE activity_search (
    org_id uuid NOT NULL,
    activity_id uuid NOT NULL,
    activity_type text NOT NULL,
    occurred_at timestamptz NOT NULL,
    owner_id uuid,
    private boolean NOT NULL,
    document tsvector NOT NULL,
    PRIMARY KEY (org_id, activity_id),
    FOREIGN KEY (org_id, activity_id) REFERENCES activities (org_id, id) ON DELETE CASCADE
  )`);
  await knex.raw('CREATE INDEX activity_search_document ON activity_search USING gin (document)');
  await knex.raw(
    'CREATE INDEX activity_search_recent ON activity_search (org_id, occurred_at DESC, activity_id DESC)',
  );
  await knex.raw(`CREATE TABLE search_index_state (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version integer NOT NULL,
    building_version integer,
    resume_org_id uuid,
    resume_activity_id uuid
  )`);
  await knex.raw('INSERT INTO search_index_state (version) VALUES (0)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE search_index_state');
  await knex.raw('DROP TABLE activity_search');
}
