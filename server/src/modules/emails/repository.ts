import type {
  ContentRemoval,
  Email,
  EmailAttachment,
  EmailLink,
  StoredEmailSource,
  Participant,
  RecordType,
} from '@inbox-crm/shared';
import { preparedStatement } from '../../db/prepared-statement.js';
import { recordNameSql } from '../../db/record-names.js';
import type { AttachmentEntry } from '../attachments/index.js';
import { iso, type Db } from '../../db/types.js';

/** The columns of a filed message as written (its activity holds subject, privacy and the key). */
export interface EmailMessageColumns {
  message_id: string | null;
  conversation_id: string | null;
  in_reply_to: string | null;
  references: string[];
  from_email: string;
  from_name: string | null;
  to_recipients: Participant[];
  cc_recipients: Participant[];
  sent_at: string;
  body_text: string | null;
  body_html: string | null;
  attachments: AttachmentEntry[];
  source: StoredEmailSource;
  mailbox: string | null;
  filed_by: string | null;
  content_removed: ContentRemoval | null;
}

/** An entry as stored: emails filed before attachment content was kept have name, type and size only. */
type StoredEntry = Pick<AttachmentEntry, 'name' | 'contentType' | 'size'> & Partial<AttachmentEntry>;

interface EmailRow extends Omit<EmailMessageColumns, 'sent_at' | 'filed_by' | 'attachments'> {
  attachments: StoredEntry[];
  id: string;
  subject: string;
  private: boolean;
  owner_id: string | null;
  deleted_at: Date | null;
  message_key: string;
  sent_at: Date;
  filed_by: string | null;
  filed_by_name: string | null;
  filed_at: Date;
}

interface LinkRow {
  record_type: RecordType;
  record_id: string;
  record_name: string | null;
  created_by: string | null;
  linked_by_name: string | null;
  /** As PostgreSQL writes a timestamptz in JSON. */
  created_at: string;
}

export interface StoredEmail {
  email: Email;
  ownerId: string | null;
  deleted: boolean;
}

const emailAttachment = (entry: StoredEntry, position: number): EmailAttachment => ({
  position,
  name: entry.name,
  contentType: entry.contentType,
  size: entry.size,
  inline: entry.inline ?? false,
  contentId: entry.contentId ?? null,
  stored: Boolean(entry.sha256),
});

/** The email's attachments as stored, in order (their position is their index). */
export async function attachmentEntries(
  db: Db,
  orgId: string,
  activityId: string,
): Promise<AttachmentEntry[]> {
  const row = (await db('email_messages')
    .where({ org_id: orgId, activity_id: activityId })
    .first('attachments')) as { attachments: StoredEntry[] } | undefined;
  return (row?.attachments ?? []).map((entry) => ({
    inline: false,
    contentId: null,
    sha256: null,
    ...entry,
  }));
}

/** Replaces the email's list of attachments (a re-filing that brought content the first one lacked). */
export async function updateAttachmentEntries(
  db: Db,
  orgId: string,
  activityId: string,
  entries: readonly AttachmentEntry[],
): Promise<void> {
  await db('email_messages')
    .where({ org_id: orgId, activity_id: activityId })
    .update({ attachments: JSON.stringify(entries) });
}

const emailLink = (row: LinkRow): EmailLink => ({
  type: row.record_type,
  id: row.record_id,
  name: row.record_name ?? '',
  linkedBy: row.created_by ? { id: row.created_by, name: row.linked_by_name ?? '' } : null,
  linkedAt: iso(row.created_at),
});

/** The message's columns but its bodies, which a filing that just wrote them need not read back. */
const MESSAGE_COLUMNS = `m.message_id, m.conversation_id, m.in_reply_to, m."references", m.from_email, m.from_name,
  m.to_recipients, m.cc_recipients, m.sent_at, m.attachments, m.source, m.mailbox, m.filed_by, m.filed_at,
  m.content_removed`;

// The email, its message and its links (with the records' names) in one statement: it answers
// every filing.
const emailSql = (bodies: string) => `
  SELECT a.id, a.subject, a.private, a.owner_id, a.deleted_at, a.message_key, ${MESSAGE_COLUMNS}${bodies},
    u.name AS filed_by_name,
    COALESCE((
      SELECT json_agg(json_build_object(
          'record_type', l.record_type, 'record_id', l.record_id, 'created_by', l.created_by,
          'created_at', l.created_at, 'linked_by_name', lu.name, 'record_name', ${recordNameSql('l')})
        ORDER BY l.created_at, l.record_type, l.record_id)
      FROM activity_links l LEFT JOIN users lu ON lu.org_id = l.org_id AND lu.id = l.created_by
      WHERE l.org_id = a.org_id AND l.activity_id = a.id), '[]') AS links
  FROM activities a
  JOIN email_messages m ON m.org_id = a.org_id AND m.activity_id = a.id
  LEFT JOIN users u ON u.org_id = m.org_id AND u.id = m.filed_by
  WHERE a.org_id = ? AND a.id = ? AND a.type = 'email'`;
const EMAIL_SQL = emailSql(', m.body_text, m.body_html');
const EMAIL_WITHOUT_BODIES_SQL = emailSql('');

/** Bodies the caller holds as they were just stored. */
export interface KnownBodies {
  bodyText: string | null;
  bodyHtml: string | null;
}

/**
 * The filed email with its links, whoever may see it: callers check visibility. A filing that has
 * just stored the bodies passes them, and they are not read back (20 KB and more a filing).
 */
export async function loadEmail(
  db: Db,
  orgId: string,
  activityId: string,
  known?: KnownBodies,
): Promise<StoredEmail | undefined> {
  const sql = known ? EMAIL_WITHOUT_BODIES_SQL : EMAIL_SQL;
  const { rows } = await db
    .raw<{ rows: (EmailRow & { links: LinkRow[] })[] }>(sql, [orgId, activityId])
    .options(preparedStatement(sql));
  const row = rows[0];
  if (!row) return undefined;
  const email: Email = {
    id: row.id,
    messageId: row.message_id,
    messageKey: row.message_key,
    conversationId: row.conversation_id,
    inReplyTo: row.in_reply_to,
    references: row.references,
    subject: row.subject,
    from: { email: row.from_email, name: row.from_name },
    to: row.to_recipients,
    cc: row.cc_recipients,
    sentAt: iso(row.sent_at),
    bodyText: known ? known.bodyText : row.body_text,
    bodyHtml: known ? known.bodyHtml : row.body_html,
    attachments: row.attachments.map(emailAttachment),
    contentRemoved: row.content_removed,
    source: row.source,
    mailbox: row.mailbox,
    private: row.private,
    filedBy: row.filed_by ? { id: row.filed_by, name: row.filed_by_name ?? '' } : null,
    filedAt: iso(row.filed_at),
    links: row.links.map(emailLink),
  };
  return { email, ownerId: row.owner_id, deleted: row.deleted_at !== null };
}

export async function findEmailIdByKey(db: Db, orgId: string, key: string): Promise<string | undefined> {
  const row = await db<{ org_id: string; message_key: string; id: string }>('activities')
    .where({ org_id: orgId, message_key: key })
    .first('id');
  return row?.id;
}

/** The one email of a Message-ID, as a filing found or made it. */
export interface EmailClaim {
  id: string;
  created: boolean;
  private: boolean;
  ownerId: string | null;
  deleted: boolean;
}

const CLAIM_EMAIL = `INSERT INTO activities (org_id, id, type, message_key, subject, snippet, occurred_at, owner_id, private)
  VALUES (?, ?, 'email', ?, ?, ?, ?, ?, ?)
  ON CONFLICT (org_id, message_key) WHERE message_key IS NOT NULL DO NOTHING
  RETURNING id`;

/**
 * Creates the email's activity unless one with this key exists. Concurrent filings of one message
 * wait on the unique index; exactly one inserts. Returns the id, whether this call created it, and
 * the (locked) email's privacy and trash state.
 */
export async function claimEmailActivity(
  db: Db,
  row: {
    org_id: string;
    id: string;
    message_key: string;
    subject: string;
    snippet: string;
    occurred_at: string;
    owner_id: string | null;
    private: boolean;
  },
): Promise<EmailClaim> {
  const inserted = await db
    .raw<{ rows: { id: string }[] }>(CLAIM_EMAIL, [
      row.org_id,
      row.id,
      row.message_key,
      row.subject,
      row.snippet,
      row.occurred_at,
      row.owner_id,
      row.private,
    ])
    .options(preparedStatement(CLAIM_EMAIL));
  if (inserted.rows[0])
    return {
      id: inserted.rows[0].id,
      created: true,
      private: row.private,
      ownerId: row.owner_id,
      deleted: false,
    };
  const existing = (await db('activities')
    .where({ org_id: row.org_id, message_key: row.message_key })
    .forUpdate()
    .first('id', 'private', 'owner_id', 'deleted_at')) as {
    id: string;
    private: boolean;
    owner_id: string | null;
    deleted_at: Date | null;
  };
  return {
    id: existing.id,
    created: false,
    private: existing.private,
    ownerId: existing.owner_id,
    deleted: existing.deleted_at !== null,
  };
}

const INSERT_MESSAGE = `INSERT INTO email_messages
  (org_id, activity_id, message_id, conversation_id, in_reply_to, "references", from_email, from_name,
   to_recipients, cc_recipients, sent_at, body_text, body_html, attachments, source, mailbox, filed_by,
   content_removed, content_removed_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export async function insertEmailMessage(
  db: Db,
  orgId: string,
  activityId: string,
  columns: EmailMessageColumns,
): Promise<void> {
  await db
    .raw(INSERT_MESSAGE, [
      orgId,
      activityId,
      columns.message_id,
      columns.conversation_id,
      columns.in_reply_to,
      columns.references,
      columns.from_email,
      columns.from_name,
      JSON.stringify(columns.to_recipients),
      JSON.stringify(columns.cc_recipients),
      columns.sent_at,
      columns.body_text,
      columns.body_html,
      JSON.stringify(columns.attachments),
      columns.source,
      columns.mailbox,
      columns.filed_by,
      columns.content_removed,
      columns.content_removed ? new Date() : null,
    ])
    .options(preparedStatement(INSERT_MESSAGE));
}

/** A re-filing brings a deleted email back, and a non-private filing makes it visible to all. */
export async function reviveEmail(
  db: Db,
  orgId: string,
  activityId: string,
  makePublic: boolean,
): Promise<void> {
  await db('activities')
    .where({ org_id: orgId, id: activityId })
    .update({
      deleted_at: null,
      ...(makePublic ? { private: false } : {}),
      version: db.raw('version + 1'),
      updated_at: db.fn.now(),
    });
}

/** Whether the user's own address is the sender or among the To and Cc of this filed message. */
export async function isParticipant(
  db: Db,
  orgId: string,
  activityId: string,
  userId: string,
): Promise<boolean> {
  const result = await db.raw<{ rows: { participant: boolean }[] }>(
    `SELECT EXISTS (
       SELECT 1 FROM email_messages m JOIN users u ON u.org_id = m.org_id AND u.id = ?
       WHERE m.org_id = ? AND m.activity_id = ?
         AND (m.from_email = u.email
              OR m.to_recipients @> jsonb_build_array(jsonb_build_object('email', u.email))
              OR m.cc_recipients @> jsonb_build_array(jsonb_build_object('email', u.email)))
     ) AS participant`,
    [userId, orgId, activityId],
  );
  return result.rows[0]?.participant === true;
}
