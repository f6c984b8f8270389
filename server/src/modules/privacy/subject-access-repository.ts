import type { Knex } from 'knex';

// What the organisation holds about one person, read for a subject access request. Like the
// erasure, it reads every table that may concern them; rows come back as the export writes them.

type Trx = Knex.Transaction;
type Row = Record<string, unknown>;

/** Filed emails with their participants, bodies and the list of their attachments. */
export async function emailsByIds(trx: Trx, orgId: string, ids: readonly string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  const { rows } = await trx.raw<{ rows: Row[] }>(
    `SELECT a.id, a.subject, m.message_id AS "messageId", m.sent_at AS "sentAt",
       json_build_object('email', m.from_email, 'name', m.from_name) AS "from",
       m.to_recipients AS "to", m.cc_recipients AS cc, m.body_text AS "bodyText", m.body_html AS "bodyHtml",
       m.attachments, m.source, m.filed_at AS "filedAt", u.name AS "filedBy"
     FROM activities a
     JOIN email_messages m ON m.org_id = a.org_id AND m.activity_id = a.id
     LEFT JOIN users u ON u.org_id = m.org_id AND u.id = m.filed_by
     WHERE a.org_id = :org AND a.id = ANY(:ids)
     ORDER BY m.sent_at, a.id`,
    { org: orgId, ids },
  );
  return rows;
}

/** A kept attachment's content, when the email still uses it. */
export async function attachmentContent(
  trx: Trx,
  orgId: string,
  activityId: string,
  sha256Hex: string,
): Promise<Buffer | null> {
  const { rows } = await trx.raw<{ rows: { content: Uint8Array }[] }>(
    `SELECT c.content FROM email_attachment_contents u
       JOIN attachment_contents c ON c.org_id = u.org_id AND c.sha256 = u.sha256
      WHERE u.org_id = :org AND u.activity_id = :activity AND u.sha256 = decode(:sha, 'hex')`,
    { org: orgId, activity: activityId, sha: sha256Hex },
  );
  return rows[0] ? Buffer.from(rows[0].content) : null;
}

/** Calls, meetings and notes, with who logged them and the records they are filed to. */
export async function activitiesByIds(trx: Trx, orgId: string, ids: readonly string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  const { rows } = await trx.raw<{ rows: Row[] }>(
    `SELECT a.id, a.type, a.subject, a.body, a.outcome, a.direction, a.duration_minutes AS "durationMinutes",
       a.occurred_at AS "occurredAt", u.name AS "loggedBy",
       COALESCE((SELECT json_agg(json_build_object('type', l.record_type, 'id', l.record_id))
                 FROM activity_links l WHERE l.org_id = a.org_id AND l.activity_id = a.id), '[]') AS "filedTo"
     FROM activities a LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.owner_id
     WHERE a.org_id = :org AND a.id = ANY(:ids) AND a.type <> 'email'
     ORDER BY a.occurred_at, a.id`,
    { org: orgId, ids },
  );
  return rows;
}

/** Rows of a table that point at the person's contacts (tasks, cases, deals, consent). */
export async function rowsOfContacts(
  trx: Trx,
  orgId: string,
  table: 'tasks' | 'cases' | 'opportunities' | 'consent_entries',
  contactIds: readonly string[],
): Promise<Row[]> {
  if (contactIds.length === 0) return [];
  const columns: Record<typeof table, string> = {
    tasks: 'id, title, notes, due_at, done, priority, created_at, updated_at',
    cases: 'id, number, subject, description, status, priority, category, created_at, updated_at',
    opportunities: 'id, name, amount_minor, currency, close_date, status, created_at, updated_at',
    consent_entries: 'id, purpose, state, lawful_basis, source, wording, email, given_at, recorded_at',
  };
  return (await trx(table)
    .where({ org_id: orgId })
    .whereIn('contact_id', contactIds)
    .orderBy('id')
    .select(trx.raw(columns[table]))) as Row[];
}

/** The audit log's entries about these records: who changed what about them, and when. */
export async function auditOf(trx: Trx, orgId: string, entityIds: readonly string[]): Promise<Row[]> {
  if (entityIds.length === 0) return [];
  const { rows } = await trx.raw<{ rows: Row[] }>(
    `SELECT l.id, l.action, l.entity_type AS "entityType", l.entity_id AS "entityId", l.before, l.after, l.at,
       u.name AS "by"
     FROM audit_log l LEFT JOIN users u ON u.org_id = l.org_id AND u.id = l.actor_id
     WHERE l.org_id = :org AND l.entity_id = ANY(:ids) ORDER BY l.at, l.id`,
    { org: orgId, ids: entityIds },
  );
  return rows;
}

/** The contacts as people read them: names, title, company, addresses, phones, owner, dates. */
export async function contactDetails(trx: Trx, orgId: string, contactIds: readonly string[]): Promise<Row[]> {
  if (contactIds.length === 0) return [];
  const { rows } = await trx.raw<{ rows: Row[] }>(
    `SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.title, a.name AS account,
       u.name AS owner, c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.deleted_at AS "deletedAt",
       ARRAY(SELECT e.email FROM contact_emails e WHERE e.org_id = c.org_id AND e.contact_id = c.id ORDER BY e.position) AS emails,
       ARRAY(SELECT p.phone FROM contact_phones p WHERE p.org_id = c.org_id AND p.contact_id = c.id ORDER BY p.position) AS phones
     FROM contacts c
     LEFT JOIN accounts a ON a.org_id = c.org_id AND a.id = c.account_id
     LEFT JOIN users u ON u.org_id = c.org_id AND u.id = c.owner_id
     WHERE c.org_id = :org AND c.id = ANY(:ids) ORDER BY c.created_at`,
    { org: orgId, ids: contactIds },
  );
  return rows;
}

export async function currentConsentOf(
  trx: Trx,
  orgId: string,
  contactIds: readonly string[],
): Promise<Row[]> {
  if (contactIds.length === 0) return [];
  return (await trx('contact_consents')
    .where({ org_id: orgId })
    .whereIn('contact_id', contactIds)
    .orderBy(['contact_id', 'purpose'])
    .select('contact_id', 'purpose', 'state', 'given_at')) as Row[];
}

/** Which of these activities are emails. */
export async function emailIdsAmong(trx: Trx, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await trx('email_messages')
    .where({ org_id: orgId })
    .whereIn('activity_id', ids)
    .orderBy('sent_at')
    .pluck('activity_id')) as string[];
}

/** The attachments of these emails whose content is kept: their place in the list, name and digest. */
export async function keptAttachmentsOf(
  trx: Trx,
  orgId: string,
  ids: readonly string[],
): Promise<{ emailId: string; position: number; name: string; sha256: string }[]> {
  if (ids.length === 0) return [];
  const { rows } = await trx.raw<{
    rows: { email_id: string; position: number; name: string; sha256: string }[];
  }>(
    `SELECT m.activity_id AS email_id, e.position - 1 AS position, e.entry->>'name' AS name, e.entry->>'sha256' AS sha256
     FROM email_messages m
     CROSS JOIN LATERAL jsonb_array_elements(m.attachments) WITH ORDINALITY AS e(entry, position)
     WHERE m.org_id = :org AND m.activity_id = ANY(:ids) AND e.entry->>'sha256' IS NOT NULL
       AND EXISTS (SELECT 1 FROM email_attachment_contents u
                   WHERE u.org_id = m.org_id AND u.activity_id = m.activity_id AND u.sha256 = decode(e.entry->>'sha256', 'hex'))
     ORDER BY m.activity_id, e.position`,
    { org: orgId, ids },
  );
  return rows.map((row) => ({
    emailId: row.email_id,
    position: row.position,
    name: row.name,
    sha256: row.sha256,
  }));
}
