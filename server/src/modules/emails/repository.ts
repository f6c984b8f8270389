import type {
  AttachmentMeta,
  Email,
  EmailLink,
  EmailSource,
  Participant,
  RecordType,
} from '@inbox-crm/shared';
import { recordNameSql } from '../../db/record-names.js';
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
  attachments: AttachmentMeta[];
  source: EmailSource;
  mailbox: string | null;
  filed_by: string;
}

interface EmailRow extends Omit<EmailMessageColumns, 'sent_at' | 'filed_by'> {
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
  created_at: Date;
}

export interface StoredEmail {
  email: Email;
  ownerId: string | null;
  deleted: boolean;
}

async function loadLinks(db: Db, orgId: string, activityId: string): Promise<EmailLink[]> {
  const result = await db.raw<{ rows: LinkRow[] }>(
    `SELECT l.record_type, l.record_id, l.created_by, l.created_at, u.name AS linked_by_name, ${recordNameSql('l')} AS record_name
     FROM activity_links l LEFT JOIN users u ON u.org_id = l.org_id AND u.id = l.created_by
     WHERE l.org_id = ? AND l.activity_id = ?
     ORDER BY l.created_at, l.record_type, l.record_id`,
    [orgId, activityId],
  );
  return result.rows.map((row) => ({
    type: row.record_type,
    id: row.record_id,
    name: row.record_name ?? '',
    linkedBy: row.created_by ? { id: row.created_by, name: row.linked_by_name ?? '' } : null,
    linkedAt: iso(row.created_at),
  }));
}

/** The filed email with its links, whoever may see it: callers check visibility. */
export async function loadEmail(db: Db, orgId: string, activityId: string): Promise<StoredEmail | undefined> {
  const row = (await db('activities as a')
    .join('email_messages as m', function joinMessage() {
      this.on('m.org_id', 'a.org_id').andOn('m.activity_id', 'a.id');
    })
    .leftJoin('users as u', function joinFiler() {
      this.on('u.org_id', 'm.org_id').andOn('u.id', 'm.filed_by');
    })
    .where({ 'a.org_id': orgId, 'a.id': activityId, 'a.type': 'email' })
    .first(
      'a.id',
      'a.subject',
      'a.private',
      'a.owner_id',
      'a.deleted_at',
      'a.message_key',
      'm.*',
      'u.name as filed_by_name',
    )) as EmailRow | undefined;
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
    bodyText: row.body_text,
    bodyHtml: row.body_html,
    attachments: row.attachments,
    source: row.source,
    mailbox: row.mailbox,
    private: row.private,
    filedBy: row.filed_by ? { id: row.filed_by, name: row.filed_by_name ?? '' } : null,
    filedAt: iso(row.filed_at),
    links: await loadLinks(db, orgId, activityId),
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
    owner_id: string;
    private: boolean;
  },
): Promise<EmailClaim> {
  const inserted = await db.raw<{ rows: { id: string }[] }>(
    `INSERT INTO activities (org_id, id, type, message_key, subject, snippet, occurred_at, owner_id, private)
     VALUES (?, ?, 'email', ?, ?, ?, ?, ?, ?)
     ON CONFLICT (org_id, message_key) WHERE message_key IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      row.org_id,
      row.id,
      row.message_key,
      row.subject,
      row.snippet,
      row.occurred_at,
      row.owner_id,
      row.private,
    ],
  );
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

export async function insertEmailMessage(
  db: Db,
  orgId: string,
  activityId: string,
  columns: EmailMessageColumns,
): Promise<void> {
  await db('email_messages').insert({
    org_id: orgId,
    activity_id: activityId,
    ...columns,
    to_recipients: JSON.stringify(columns.to_recipients),
    cc_recipients: JSON.stringify(columns.cc_recipients),
    attachments: JSON.stringify(columns.attachments),
  });
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
