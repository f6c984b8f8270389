import type { Knex } from 'knex';
import { ERASED_ADDRESS, ERASED_TEXT } from './redaction.js';

// Erasure reaches every table that may hold a person's words, which no other module does: the
// statements are here together, so what an erasure touches is read in one place. Every statement
// is scoped to the organisation.

type Trx = Knex.Transaction;

// Statements bind by name; `:pattern` is always the person's terms pattern.
const redacted = (column: string) => `regexp_replace(${column}, :pattern, '${ERASED_TEXT}', 'gi')`;
const redactedJson = (column: string) => `CAST(${redacted(`CAST(${column} AS text)`)} AS jsonb)`;

/** The contacts, and any merged into them (the same person entered twice), with their details. */
export async function contactsOfPerson(
  trx: Trx,
  orgId: string,
  contactIds: readonly string[],
  addresses: readonly string[],
): Promise<{ id: string; firstName: string; lastName: string; emails: string[]; phones: string[] }[]> {
  const { rows } = await trx.raw<{
    rows: { id: string; first_name: string; last_name: string; emails: string[]; phones: string[] }[];
  }>(
    `WITH RECURSIVE person AS (
       SELECT c.id FROM contacts c WHERE c.org_id = ? AND c.id = ANY(?)
       UNION
       SELECT e.contact_id FROM contact_emails e WHERE e.org_id = ? AND e.email = ANY(?)
       UNION
       SELECT c.id FROM contacts c JOIN person p ON c.merged_into_id = p.id WHERE c.org_id = ?
     )
     SELECT c.id, c.first_name, c.last_name,
       ARRAY(SELECT e.email FROM contact_emails e WHERE e.org_id = c.org_id AND e.contact_id = c.id) AS emails,
       ARRAY(SELECT p.phone FROM contact_phones p WHERE p.org_id = c.org_id AND p.contact_id = c.id) AS phones
     FROM contacts c JOIN person USING (id) WHERE c.org_id = ?
     FOR UPDATE OF c`,
    [orgId, [...contactIds], orgId, [...addresses], orgId, orgId],
  );
  return rows.map((row) => ({
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    emails: row.emails,
    phones: row.phones,
  }));
}

export interface ActivityFate {
  id: string;
  /** An email the person was on with nobody else from outside: it goes, with its attachments. */
  alone: boolean;
  /** A call, meeting or note filed to the person's contacts and to nothing else: it goes too. */
  onlyTheirs: boolean;
}

/**
 * What becomes of each activity that may concern the person (the candidates): an email they
 * were on with no other outside participant goes; so does a call, meeting or note filed only to
 * them; the rest stays, their words taken out. Candidates that do not concern them are left out.
 */
export async function activityFates(
  trx: Trx,
  orgId: string,
  candidateIds: readonly string[],
  person: { contactIds: readonly string[]; addresses: readonly string[]; pattern: string },
  ownDomains: readonly string[],
): Promise<ActivityFate[]> {
  const { rows } = await trx.raw<{ rows: { id: string; alone: boolean; only_theirs: boolean }[] }>(
    `WITH candidate AS (
       SELECT a.id, a.type, m.activity_id IS NOT NULL AS is_email,
         (m.from_email = ANY(:addresses) OR EXISTS (
            SELECT 1 FROM jsonb_array_elements(m.to_recipients || m.cc_recipients) r
            WHERE r->>'email' = ANY(:addresses))) AS on_it,
         EXISTS (
           SELECT 1 FROM (
             SELECT m.from_email AS email
             UNION ALL SELECT r->>'email' FROM jsonb_array_elements(m.to_recipients || m.cc_recipients) r
           ) p
           WHERE p.email <> ALL(:addresses)
             AND NOT EXISTS (SELECT 1 FROM unnest(CAST(:own AS text[])) o
                             WHERE split_part(p.email, '@', 2) = o OR split_part(p.email, '@', 2) LIKE '%.' || o)
         ) AS others_on_it,
         EXISTS (SELECT 1 FROM activity_links l WHERE l.org_id = a.org_id AND l.activity_id = a.id
                   AND l.record_type = 'contact' AND l.record_id = ANY(:contacts)) AS filed_to_them,
         NOT EXISTS (SELECT 1 FROM activity_links l WHERE l.org_id = a.org_id AND l.activity_id = a.id
                   AND NOT (l.record_type = 'contact' AND l.record_id = ANY(:contacts))) AS filed_to_nothing_else,
         (a.subject ~* :pattern OR a.body ~* :pattern OR m.from_name ~* :pattern
           OR CAST(m.to_recipients || m.cc_recipients AS text) ~* :pattern
           OR m.body_text ~* :pattern OR m.body_html ~* :pattern OR CAST(m.attachments AS text) ~* :pattern) AS names_them
       FROM activities a
       LEFT JOIN email_messages m ON m.org_id = a.org_id AND m.activity_id = a.id
       WHERE a.org_id = :org AND a.id = ANY(:candidates)
     )
     SELECT id, (is_email AND on_it AND NOT others_on_it) AS alone,
       (NOT is_email AND filed_to_them AND filed_to_nothing_else) AS only_theirs
     FROM candidate
     WHERE on_it IS TRUE OR filed_to_them OR names_them IS TRUE`,
    {
      org: orgId,
      candidates: candidateIds,
      addresses: person.addresses,
      contacts: person.contactIds,
      own: ownDomains,
      pattern: person.pattern,
    },
  );
  return rows.map((row) => ({ id: row.id, alone: row.alone, onlyTheirs: row.only_theirs }));
}

/** Deletes activities for good: their email, links, search row and attachment uses go with them. */
export async function deleteActivities(trx: Trx, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await trx('activities').where({ org_id: orgId }).whereIn('id', ids).delete();
}

const redactedParticipants = (column: string) => `COALESCE((
    SELECT jsonb_agg(CASE
        WHEN r->>'email' = ANY(:addresses) THEN jsonb_build_object('email', '${ERASED_ADDRESS}', 'name', NULL)
        WHEN r->>'name' IS NULL THEN r
        ELSE jsonb_set(r, '{name}', to_jsonb(${redacted("r->>'name'")}))
      END ORDER BY ord)
    FROM jsonb_array_elements(${column}) WITH ORDINALITY AS e(r, ord)), '[]'::jsonb)`;

/** Takes the person's addresses and words out of activities that stay, and off their contacts. */
export async function redactActivities(
  trx: Trx,
  orgId: string,
  ids: readonly string[],
  person: { contactIds: readonly string[]; addresses: readonly string[]; pattern: string },
): Promise<void> {
  if (ids.length === 0) return;
  const named = { org: orgId, ids, addresses: person.addresses, pattern: person.pattern };
  await trx.raw(
    `UPDATE activities SET subject = ${redacted('subject')}, body = ${redacted('body')}, snippet = ${redacted('snippet')},
       outcome = ${redacted('outcome')}
     WHERE org_id = :org AND id = ANY(:ids)`,
    named,
  );
  await trx.raw(
    `UPDATE email_messages SET
       from_email = CASE WHEN from_email = ANY(:addresses) THEN '${ERASED_ADDRESS}' ELSE from_email END,
       from_name = CASE WHEN from_email = ANY(:addresses) THEN NULL ELSE ${redacted('from_name')} END,
       to_recipients = ${redactedParticipants('to_recipients')},
       cc_recipients = ${redactedParticipants('cc_recipients')},
       body_text = ${redacted('body_text')}, body_html = ${redacted('body_html')},
       attachments = CAST(${redacted('CAST(attachments AS text)')} AS jsonb)
     WHERE org_id = :org AND activity_id = ANY(:ids)`,
    named,
  );
  await trx('activity_links')
    .where({ org_id: orgId, record_type: 'contact' })
    .whereIn('activity_id', ids)
    .whereIn('record_id', person.contactIds)
    .delete();
  await trx.raw(
    `UPDATE activity_links SET subject = ${redacted('subject')}, snippet = ${redacted('snippet')},
       from_email = CASE WHEN from_email = ANY(:addresses) THEN '${ERASED_ADDRESS}' ELSE from_email END,
       from_name = CASE WHEN from_email = ANY(:addresses) THEN NULL ELSE ${redacted('from_name')} END
     WHERE org_id = :org AND activity_id = ANY(:ids)`,
    named,
  );
}

/**
 * Tasks: one about the person alone goes; one also about an account, deal or case stays without
 * them. Any task naming them loses the words. Answers the ids of the tasks that stay changed.
 */
export async function eraseFromTasks(
  trx: Trx,
  orgId: string,
  contactIds: readonly string[],
  pattern: string,
): Promise<{ deleted: string[]; redacted: string[] }> {
  const deleted = (await trx('tasks')
    .where({ org_id: orgId })
    .whereIn('contact_id', contactIds)
    .whereNull('account_id')
    .whereNull('opportunity_id')
    .whereNull('case_id')
    .delete()
    .returning('id')) as { id: string }[];
  const { rows } = await trx.raw<{ rows: { id: string }[] }>(
    `UPDATE tasks SET contact_id = CASE WHEN contact_id = ANY(:contacts) THEN NULL ELSE contact_id END,
       title = ${redacted('title')}, notes = ${redacted('notes')}
     WHERE org_id = :org AND (contact_id = ANY(:contacts) OR title ~* :pattern OR notes ~* :pattern)
     RETURNING id`,
    { org: orgId, contacts: contactIds, pattern },
  );
  return { deleted: deleted.map((row) => row.id), redacted: rows.map((row) => row.id) };
}

/** Deals and cases keep their history but lose the person: their contact, and their words. */
export async function eraseFromDealsAndCases(
  trx: Trx,
  orgId: string,
  contactIds: readonly string[],
  pattern: string,
): Promise<string[]> {
  const named = { org: orgId, contacts: contactIds, pattern };
  const cases = await trx.raw<{ rows: { id: string }[] }>(
    `UPDATE cases SET contact_id = CASE WHEN contact_id = ANY(:contacts) THEN NULL ELSE contact_id END,
       subject = ${redacted('subject')}, description = ${redacted('description')}, search_text = ${redacted('search_text')}
     WHERE org_id = :org AND (contact_id = ANY(:contacts) OR search_text ~* :pattern
       OR subject ~* :pattern OR description ~* :pattern)
     RETURNING id`,
    named,
  );
  const deals = await trx.raw<{ rows: { id: string }[] }>(
    `UPDATE opportunities SET contact_id = CASE WHEN contact_id = ANY(:contacts) THEN NULL ELSE contact_id END,
       name = ${redacted('name')}, search_text = ${redacted('search_text')}
     WHERE org_id = :org AND (contact_id = ANY(:contacts) OR name ~* :pattern OR search_text ~* :pattern)
     RETURNING id`,
    named,
  );
  return [...cases.rows, ...deals.rows].map((row) => row.id);
}

/**
 * The rest of what may name the person: engagement plans run for them, views of them, in-app
 * notifications, outgoing mail and webhooks, queued jobs, and support mail taken in from them.
 */
export async function eraseFromTheRest(
  trx: Trx,
  orgId: string,
  person: { contactIds: readonly string[]; addresses: readonly string[]; pattern: string },
): Promise<void> {
  const { contactIds, addresses, pattern } = person;
  const named = { org: orgId, contacts: contactIds, addresses, pattern };
  await trx('plan_enrollments')
    .where({ org_id: orgId, record_type: 'contact' })
    .whereIn('record_id', contactIds)
    .delete();
  await trx('plan_enrollments')
    .where({ org_id: orgId })
    .whereIn('contact_id', contactIds)
    .update({ contact_id: null });
  await trx('recent_views')
    .where({ org_id: orgId, record_type: 'contact' })
    .whereIn('record_id', contactIds)
    .delete();
  await trx.raw(
    `DELETE FROM notifications WHERE org_id = :org AND record_type = 'contact' AND record_id = ANY(:contacts)`,
    named,
  );
  await trx.raw(
    `UPDATE notifications SET title = ${redacted('title')}, body = ${redacted('body')}
     WHERE org_id = :org AND (title ~* :pattern OR body ~* :pattern)`,
    named,
  );
  await trx.raw(`DELETE FROM deliveries WHERE org_id = :org AND lower(recipient) = ANY(:addresses)`, named);
  await trx.raw(
    `UPDATE deliveries SET payload = ${redactedJson('payload')},
       last_error = ${redacted('last_error')}
     WHERE org_id = :org AND (CAST(payload AS text) ~* :pattern OR last_error ~* :pattern)`,
    named,
  );
  await trx.raw(
    `DELETE FROM scheduled_jobs WHERE org_id = :org AND status <> 'done'
       AND EXISTS (SELECT 1 FROM unnest(CAST(:contacts AS text[])) c WHERE CAST(payload AS text) LIKE '%' || c || '%')`,
    named,
  );
  await trx.raw(
    `UPDATE scheduled_jobs SET payload = ${redactedJson('payload')},
       last_error = ${redacted('last_error')}
     WHERE org_id = :org AND (CAST(payload AS text) ~* :pattern OR last_error ~* :pattern)`,
    named,
  );
  await trx.raw(
    `UPDATE support_mail_received SET
       from_email = CASE WHEN from_email = ANY(:addresses) THEN '${ERASED_ADDRESS}' ELSE from_email END,
       source = CASE WHEN from_email = ANY(:addresses) THEN NULL ELSE source END,
       subject = ${redacted('subject')}, reason = ${redacted('reason')}
     WHERE org_id = :org AND (from_email = ANY(:addresses) OR subject ~* :pattern OR reason ~* :pattern)`,
    named,
  );
}

/** Blanks what the audit log kept of things the erasure deleted, and takes the person out of the rest. */
export async function eraseFromAudit(
  trx: Trx,
  orgId: string,
  entities: { deleted: readonly string[]; changed: readonly string[] },
  pattern: string,
): Promise<void> {
  await trx.raw(
    `UPDATE audit_log SET before = NULL, after = NULL WHERE org_id = :org AND entity_id = ANY(:deleted)`,
    { org: orgId, deleted: entities.deleted },
  );
  await trx.raw(
    `UPDATE audit_log SET before = ${redactedJson('before')},
       after = ${redactedJson('after')}
     WHERE org_id = :org AND entity_id = ANY(:changed)
       AND (CAST(before AS text) ~* :pattern OR CAST(after AS text) ~* :pattern)`,
    { org: orgId, changed: entities.changed, pattern },
  );
}

/** Deletes the contacts for good; their addresses, phones and consent history go with them. */
export async function deleteContacts(trx: Trx, orgId: string, contactIds: readonly string[]): Promise<void> {
  if (contactIds.length > 0)
    await trx('contacts').where({ org_id: orgId }).whereIn('id', contactIds).delete();
}

/** The names these emails show beside the person's addresses ("Jane Doe", "Doe, Jane"). */
export async function namesShownWith(
  trx: Trx,
  orgId: string,
  activityIds: readonly string[],
  addresses: readonly string[],
): Promise<string[]> {
  if (activityIds.length === 0 || addresses.length === 0) return [];
  const { rows } = await trx.raw<{ rows: { name: string }[] }>(
    `SELECT DISTINCT p.name FROM email_messages m
       CROSS JOIN LATERAL (
         SELECT m.from_email AS email, m.from_name AS name
         UNION ALL SELECT r->>'email', r->>'name' FROM jsonb_array_elements(m.to_recipients || m.cc_recipients) r
       ) p
     WHERE m.org_id = :org AND m.activity_id = ANY(:ids) AND p.email = ANY(:addresses) AND p.name IS NOT NULL`,
    { org: orgId, ids: activityIds, addresses },
  );
  return rows.map((row) => row.name);
}
