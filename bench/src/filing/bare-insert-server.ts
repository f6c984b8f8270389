import { createHash, randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import type { EmailFile } from '@inbox-crm/shared';

// The baseline: one route, no auth, no validation, no sanitizing, no events; it writes the rows a
// filing writes for the email itself (the activity, its message, its links, and its attachments'
// content with the email's use of it) in one transaction.
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX),
});
const orgId = process.env.BENCH_ORG_ID!;
const userId = process.env.BENCH_USER_ID!;
const app = Fastify({ bodyLimit: 64 * 1024 * 1024 });

const INSERT_ACTIVITY = `
  INSERT INTO activities (org_id, id, type, message_key, subject, snippet, occurred_at, owner_id)
  VALUES ($1, $2, 'email', $3, $4, $5, $6, $7)`;
const INSERT_MESSAGE = `
  INSERT INTO email_messages (org_id, activity_id, message_id, from_email, from_name, to_recipients,
    sent_at, body_text, body_html, attachments, source, filed_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;
const INSERT_CONTENT = `
  INSERT INTO attachment_contents (org_id, sha256, size, content) VALUES ($1, $2, $3, $4)
  ON CONFLICT (org_id, sha256) DO NOTHING`;
const INSERT_USE = `
  INSERT INTO email_attachment_contents (org_id, activity_id, sha256) VALUES ($1, $2, $3)
  ON CONFLICT DO NOTHING`;
const INSERT_LINK = `
  INSERT INTO activity_links (org_id, activity_id, record_type, record_id, activity_type, occurred_at,
    subject, snippet, owner_id, from_email, from_name, created_by)
  SELECT $1, $2, l.type, l.id, 'email', $3, $4, $5, $6, $7, $8, $6
  FROM jsonb_to_recordset($9::jsonb) AS l(type text, id uuid)`;

app.get('/health', async () => ({ status: 'ok' }));

app.post<{ Body: EmailFile }>('/bare-file', async (request, reply) => {
  const email = request.body;
  const id = randomUUID();
  const snippet = (email.bodyText ?? '').slice(0, 200);
  const files = (email.attachments ?? []).map((attachment) => {
    const bytes = attachment.content === undefined ? null : Buffer.from(attachment.content, 'base64');
    const sha256 = bytes && createHash('sha256').update(bytes).digest();
    return {
      bytes,
      sha256,
      entry: {
        name: attachment.name,
        contentType: attachment.contentType,
        size: attachment.size,
        sha256: sha256?.toString('hex') ?? null,
      },
    };
  });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(INSERT_ACTIVITY, [
      orgId,
      id,
      email.messageId,
      email.subject,
      snippet,
      email.sentAt,
      userId,
    ]);
    await client.query(INSERT_MESSAGE, [
      orgId,
      id,
      email.messageId,
      email.from.email,
      email.from.name ?? null,
      JSON.stringify(email.to),
      email.sentAt,
      email.bodyText ?? null,
      email.bodyHtml ?? null,
      JSON.stringify(files.map((file) => file.entry)),
      email.source,
      userId,
    ]);
    for (const { bytes, sha256 } of files) {
      if (!bytes || !sha256) continue;
      await client.query(INSERT_CONTENT, [orgId, sha256, bytes.length, bytes]);
      await client.query(INSERT_USE, [orgId, id, sha256]);
    }
    await client.query(INSERT_LINK, [
      orgId,
      id,
      email.sentAt,
      email.subject,
      snippet,
      userId,
      email.from.email,
      email.from.name ?? null,
      JSON.stringify(email.links),
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return reply.status(201).send({ id });
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
