import nodemailer from 'nodemailer';
import type { Db } from '../../db/types.js';

const PAGE_EMAILS = 200;

interface StoredParticipant {
  email: string;
  name: string | null;
}

interface StoredEmail {
  id: string;
  subject: string;
  message_id: string | null;
  in_reply_to: string | null;
  references: string[] | null;
  from_email: string;
  from_name: string | null;
  to_recipients: StoredParticipant[];
  cc_recipients: StoredParticipant[] | null;
  sent_at: Date;
  body_text: string | null;
  body_html: string | null;
  attachments:
    | {
        name: string;
        contentType: string;
        inline?: boolean;
        contentId?: string | null;
        sha256: string | null;
      }[]
    | null;
}

// Messages are written out as a mail client would (MIME, encoded headers), by nodemailer's own
// composer: nothing is sent.
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

const address = (person: StoredParticipant) => ({ name: person.name ?? '', address: person.email });

async function attachmentsOf(db: Db, orgId: string, email: StoredEmail) {
  const kept = (email.attachments ?? []).filter((file) => file.sha256 !== null);
  const files = [];
  for (const file of kept) {
    const row = (await db('attachment_contents')
      .where({ org_id: orgId })
      .whereRaw(`sha256 = decode(?, 'hex')`, [file.sha256])
      .first('content')) as { content: Uint8Array } | undefined;
    if (!row) continue;
    files.push({
      filename: file.name,
      contentType: file.contentType,
      content: Buffer.from(row.content),
      ...(file.inline && file.contentId
        ? { cid: file.contentId, contentDisposition: 'inline' as const }
        : {}),
    });
  }
  return files;
}

/** One filed email as an RFC 5322 message, with the bodies and the attachment files that were kept. */
async function messageOf(db: Db, orgId: string, email: StoredEmail): Promise<Buffer> {
  const info = await composer.sendMail({
    from: { name: email.from_name ?? '', address: email.from_email },
    to: email.to_recipients.map(address),
    cc: (email.cc_recipients ?? []).map(address),
    subject: email.subject,
    date: email.sent_at,
    ...(email.message_id ? { messageId: `<${email.message_id}>` } : {}),
    ...(email.in_reply_to ? { inReplyTo: `<${email.in_reply_to}>` } : {}),
    ...(email.references?.length ? { references: email.references.map((id) => `<${id}>`) } : {}),
    ...(email.body_text !== null ? { text: email.body_text } : {}),
    ...(email.body_html !== null ? { html: email.body_html } : {}),
    attachments: await attachmentsOf(db, orgId, email),
    // Addresses go as filed, even ones nodemailer would not send to.
    envelope: { from: 'export@localhost', to: 'export@localhost' },
  });
  return info.message as Buffer;
}

/** A message in an mbox (mboxrd): after its "From " line, its own lines starting ">*From " escaped once more. */
function mboxEntry(message: Buffer, sentAt: Date): Buffer {
  const escaped = message.toString('utf8').replace(/^(>*From )/gm, '>$1');
  return Buffer.from(`From export@inbox-crm ${sentAt.toUTCString()}\n${escaped.replace(/\n?$/, '\n')}\n`);
}

/**
 * Every filed email of the organisation as one mbox, oldest first, page by page: what the archive
 * import takes back, filing each message to the records its people match in the organisation it
 * goes to.
 */
export async function* filedMailMbox(db: Db, orgId: string): AsyncGenerator<Buffer> {
  let after = { sentAt: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
  for (;;) {
    const { rows } = await db.raw<{ rows: StoredEmail[] }>(
      `SELECT a.id, a.subject, m.message_id, m.in_reply_to, m."references", m.from_email, m.from_name,
          m.to_recipients, m.cc_recipients, m.sent_at, m.body_text, m.body_html, m.attachments
        FROM email_messages m JOIN activities a ON a.org_id = m.org_id AND a.id = m.activity_id
        WHERE m.org_id = :org AND a.deleted_at IS NULL AND (m.sent_at, a.id) > (:sentAt, :id)
        ORDER BY m.sent_at, a.id LIMIT ${PAGE_EMAILS}`,
      { org: orgId, sentAt: after.sentAt, id: after.id },
    );
    for (const email of rows) yield mboxEntry(await messageOf(db, orgId, email), new Date(email.sent_at));
    if (rows.length < PAGE_EMAILS) return;
    const last = rows[rows.length - 1]!;
    after = { sentAt: new Date(last.sent_at), id: last.id };
  }
}
