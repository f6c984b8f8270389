import type { ActivityType, RecordRef, RecordType } from '@inbox-crm/shared';
import { deferRow } from '../../db/deferred-rows.js';
import { preparedStatement } from '../../db/prepared-statement.js';
import type { Db } from '../../db/types.js';
import { searchDocument, type SearchSource } from './document.js';

/** How much of a body is read for the index: past it, a body's words are not found. */
const INDEXED_BODY_LENGTH = 300_000;

interface SourceRow {
  id: string;
  type: ActivityType;
  occurred_at: Date;
  owner_id: string | null;
  private: boolean;
  deleted: boolean;
  subject: string;
  body: string | null;
  from_email: string | null;
  from_name: string | null;
  recipients: { email: string; name: string | null }[] | null;
  attachments: { name: string }[] | null;
  links: { type: RecordType; id: string; by: string | null }[];
}

const SOURCE_ROWS = `SELECT a.id, a.type, a.occurred_at, a.owner_id, a.private, a.deleted_at IS NOT NULL AS deleted, a.subject,
            left(COALESCE(m.body_text, a.body), ${INDEXED_BODY_LENGTH}) AS body,
            m.from_email, m.from_name, m.to_recipients || m.cc_recipients AS recipients, m.attachments,
            COALESCE((SELECT json_agg(json_build_object('type', l.record_type, 'id', l.record_id, 'by', l.created_by))
                        FROM activity_links l WHERE l.org_id = a.org_id AND l.activity_id = a.id), '[]') AS links
     FROM activities a LEFT JOIN email_messages m ON m.org_id = a.org_id AND m.activity_id = a.id
     WHERE a.org_id = ? AND a.id = ANY(CAST(? AS uuid[]))`;

/** The activities' texts, participants and links, as the index reads them. */
async function sourceRows(db: Db, orgId: string, ids: readonly string[]): Promise<SourceRow[]> {
  const { rows } = await db
    .raw<{ rows: SourceRow[] }>(SOURCE_ROWS, [orgId, [...ids]])
    .options(preparedStatement(SOURCE_ROWS));
  return rows;
}

function sourceOf(row: SourceRow): SearchSource {
  const filers = new Set(row.links.map((link) => link.by).filter((by): by is string => by !== null));
  if (row.owner_id) filers.add(row.owner_id);
  return {
    id: row.id,
    type: row.type,
    subject: row.subject,
    body: row.body,
    participants: [
      ...(row.from_email ? [{ email: row.from_email, name: row.from_name }] : []),
      ...(row.recipients ?? []),
    ],
    attachmentNames: (row.attachments ?? []).map((attachment) => attachment.name),
    links: row.links,
    filers: [...filers],
  };
}

const WRITE_ROWS = `INSERT INTO activity_search (org_id, activity_id, activity_type, occurred_at, owner_id, private, document)
     SELECT ?, v.id, v.type, v.occurred_at, v.owner_id, v.private, CAST(v.document AS tsvector)
     FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS uuid[]),
                 CAST(? AS boolean[]), CAST(? AS text[]))
          AS v(id, type, occurred_at, owner_id, private, document)
     ON CONFLICT (org_id, activity_id) DO UPDATE SET
       activity_type = EXCLUDED.activity_type, occurred_at = EXCLUDED.occurred_at,
       owner_id = EXCLUDED.owner_id, private = EXCLUDED.private, document = EXCLUDED.document`;

/** A first filing's email, as it was just stored. */
export interface NewEmail {
  id: string;
  subject: string;
  occurredAt: Date;
  ownerId: string | null;
  private: boolean;
  bodyText: string | null;
  participants: readonly { email: string; name: string | null }[];
  attachmentNames: readonly string[];
  links: readonly RecordRef[];
  filers: readonly string[];
}

/** Indexes an email its filing just stored, from what it stored: nothing is read back. */
export async function indexNewEmail(db: Db, orgId: string, email: NewEmail): Promise<void> {
  // As indexChunk: an email filed to no record is not searched.
  if (email.links.length === 0) return;
  const document = searchDocument({
    id: email.id,
    type: 'email',
    subject: email.subject,
    body: email.bodyText === null ? null : email.bodyText.slice(0, INDEXED_BODY_LENGTH),
    participants: email.participants,
    attachmentNames: email.attachmentNames,
    links: email.links,
    filers: email.filers,
  });
  const row = {
    org_id: orgId,
    activity_id: email.id,
    activity_type: 'email',
    occurred_at: email.occurredAt,
    owner_id: email.ownerId,
    private: email.private,
    document,
  };
  // A first filing's row is new: a transaction that takes in many emails writes theirs together.
  if (deferRow(db, 'activity_search', row)) return;
  await db
    .raw(WRITE_ROWS, [
      orgId,
      [email.id],
      ['email'],
      [email.occurredAt.toISOString()],
      [email.ownerId] as (string | null)[] as string[],
      [email.private],
      [document],
    ])
    .options(preparedStatement(WRITE_ROWS));
}

/** How many activities are read and written at once (bodies are read whole, up to INDEXED_BODY_LENGTH). */
const CHUNK_SIZE = 200;

/**
 * Brings the activities' search rows in step with them: written for each one that is live and filed
 * to a record, removed for the others (deleted, unfiled from everything, or gone).
 */
export async function indexActivities(db: Db, orgId: string, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += CHUNK_SIZE) {
    await indexChunk(db, orgId, unique.slice(start, start + CHUNK_SIZE));
  }
}

async function indexChunk(db: Db, orgId: string, ids: readonly string[]): Promise<void> {
  const rows = await sourceRows(db, orgId, ids);
  const indexed = rows.filter((row) => !row.deleted && row.links.length > 0);
  const kept = new Set(indexed.map((row) => row.id));
  const dropped = ids.filter((id) => !kept.has(id));
  if (dropped.length > 0) {
    await db.raw('DELETE FROM activity_search WHERE org_id = ? AND activity_id = ANY(CAST(? AS uuid[]))', [
      orgId,
      [...dropped],
    ]);
  }
  if (indexed.length === 0) return;
  await db
    .raw(WRITE_ROWS, [
      orgId,
      indexed.map((row) => row.id),
      indexed.map((row) => row.type),
      indexed.map((row) => row.occurred_at.toISOString()),
      indexed.map((row) => row.owner_id) as string[],
      indexed.map((row) => row.private),
      indexed.map((row) => searchDocument(sourceOf(row))),
    ])
    .options(preparedStatement(WRITE_ROWS));
}
