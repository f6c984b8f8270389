import type { Knex } from 'knex';

// Attachment content, stored once per organisation by its SHA-256: the same file filed twice, or
// attached to many emails, is one row. `email_attachment_contents` says which emails use which
// content; the email's own list of attachments (name, type, size, and the digest when the content
// is kept) stays in `email_messages.attachments`. When the last email using a content goes (an
// erasure, a retention job, an organisation removed), the content goes with it, whichever path
// deleted the email. A filing that takes the content up at that moment makes the delete fail its
// foreign key check, which the trigger swallows: the content stays, used again.
const statements = [
  `CREATE TABLE attachment_contents (
    org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    sha256 bytea NOT NULL CHECK (octet_length(sha256) = 32),
    size bigint NOT NULL CHECK (size >= 0),
    content bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, sha256)
  )`,
  // Most attachments (PDF, images, archives, Office files) are compressed already: stored as they
  // are, out of line, without PostgreSQL trying to compress each megabyte again.
  'ALTER TABLE attachment_contents ALTER COLUMN content SET STORAGE EXTERNAL',
  `CREATE TABLE email_attachment_contents (
    org_id uuid NOT NULL,
    activity_id uuid NOT NULL,
    sha256 bytea NOT NULL,
    PRIMARY KEY (org_id, sha256, activity_id),
    FOREIGN KEY (org_id, activity_id) REFERENCES activities (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, sha256) REFERENCES attachment_contents (org_id, sha256)
  )`,
  'CREATE INDEX email_attachment_contents_by_email ON email_attachment_contents (org_id, activity_id)',
  `CREATE FUNCTION attachment_contents_release() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    BEGIN
      DELETE FROM attachment_contents c
      WHERE c.org_id = OLD.org_id AND c.sha256 = OLD.sha256
        AND NOT EXISTS (SELECT 1 FROM email_attachment_contents r WHERE r.org_id = OLD.org_id AND r.sha256 = OLD.sha256);
    EXCEPTION WHEN foreign_key_violation THEN
      NULL;
    END;
    RETURN NULL;
  END
  $$`,
  `CREATE TRIGGER attachment_contents_release AFTER DELETE ON email_attachment_contents
    FOR EACH ROW EXECUTE FUNCTION attachment_contents_release()`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of statements) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE email_attachment_contents');
  await knex.raw('DROP FUNCTION attachment_contents_release()');
  await knex.raw('DROP TABLE attachment_contents');
}
