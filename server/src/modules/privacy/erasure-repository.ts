import type { Knex } from 'knex';
import { ERASED_ADDRESS, ERASED_TEXT, redactJson, unbounded } from './redaction.js';

// Erasure reaches every table that may hold a person's words, which no other module does: the
// statements are here together, so what an erasure touches is read in one place. Every statement
// is scoped to the organisation.

type Trx = Knex.Transaction;

// Statements bind by name; `:pattern` is the person's terms pattern (close or wide, see redaction.ts).
const redacted = (column: string) => `regexp_replace(${column}, :pattern, '${ERASED_TEXT}', 'gi')`;
/** A record someone may have open keeps its version check: a redaction is a change. */
const CHANGED = 'version = version + 1, updated_at = now()';

/**
 * The contacts, and any merged into them (the same person entered twice), with their details;
 * `lock` locks their rows.
 */
export async function contactsOfPerson(
  trx: Trx,
  orgId: string,
  contactIds: readonly string[],
  addresses: readonly string[],
  lock: boolean,
): Promise<
  {
    id: string;
    firstName: string;
    lastName: string;
    mergedIntoId: string | null;
    emails: string[];
    phones: string[];
  }[]
> {
  const { rows } = await trx.raw<{
    rows: {
      id: string;
      first_name: string;
      last_name: string;
      merged_into_id: string | null;
      emails: string[];
      phones: string[];
    }[];
  }>(
    `WITH RECURSIVE person AS (
       SELECT c.id FROM contacts c WHERE c.org_id = ? AND c.id = ANY(?)
       UNION
       SELECT e.contact_id FROM contact_emails e WHERE e.org_id = ? AND e.email = ANY(?)
       UNION
       SELECT c.id FROM contacts c JOIN person p ON c.merged_into_id = p.id WHERE c.org_id = ?
     )
     SELECT c.id, c.first_name, c.last_name, c.merged_into_id,
       ARRAY(SELECT e.email FROM contact_emails e WHERE e.org_id = c.org_id AND e.contact_id = c.id) AS emails,
       ARRAY(SELECT p.phone FROM contact_phones p WHERE p.org_id = c.org_id AND p.contact_id = c.id) AS phones
     FROM contacts c JOIN person USING (id) WHERE c.org_id = ?
     ${lock ? 'FOR UPDATE OF c' : ''}`,
    [orgId, [...contactIds], orgId, [...addresses], orgId, orgId],
  );
  return rows.map((row) => ({
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    mergedIntoId: row.merged_into_id,
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
           WHERE p.email <> ALL(:addresses) AND p.email <> '${ERASED_ADDRESS}'
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

/** A JSON list of objects with each `name` redacted (attachments: what the files were called). */
const redactedNames = (column: string) => `COALESCE((
    SELECT jsonb_agg(CASE WHEN a->>'name' IS NULL THEN a
                          ELSE jsonb_set(a, '{name}', to_jsonb(${redacted("a->>'name'")})) END ORDER BY ord)
    FROM jsonb_array_elements(${column}) WITH ORDINALITY AS e(a, ord)), '[]'::jsonb)`;

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
       outcome = ${redacted('outcome')}, ${CHANGED}
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
       attachments = ${redactedNames('attachments')}
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

/** The close pattern for what concerns the person; the wide one for anything else. */
export interface ErasurePatterns {
  close: string;
  wide: string;
}

/**
 * Tasks: one about the person alone goes; one also about an account, deal or case stays without
 * them. Tasks about them lose every word that names them; any other loses what names them alone.
 * Answers the tasks deleted and those changed.
 */
export async function eraseFromTasks(
  trx: Trx,
  orgId: string,
  contactIds: readonly string[],
  patterns: ErasurePatterns,
): Promise<{ deleted: string[]; redacted: string[] }> {
  const deleted = (await trx('tasks')
    .where({ org_id: orgId })
    .whereIn('contact_id', contactIds)
    .whereNull('account_id')
    .whereNull('opportunity_id')
    .whereNull('case_id')
    .delete()
    .returning('id')) as { id: string }[];
  const theirs = await trx.raw<{ rows: { id: string }[] }>(
    `UPDATE tasks SET contact_id = NULL, title = ${redacted('title')}, notes = ${redacted('notes')}, ${CHANGED}
     WHERE org_id = :org AND contact_id = ANY(:contacts) RETURNING id`,
    { org: orgId, contacts: contactIds, pattern: patterns.close },
  );
  const others = await trx.raw<{ rows: { id: string }[] }>(
    `UPDATE tasks SET title = ${redacted('title')}, notes = ${redacted('notes')}, ${CHANGED}
     WHERE org_id = :org AND (title ~* :pattern OR notes ~* :pattern) RETURNING id`,
    { org: orgId, pattern: patterns.wide },
  );
  return {
    deleted: deleted.map((row) => row.id),
    redacted: [...theirs.rows, ...others.rows].map((row) => row.id),
  };
}

/**
 * Deals and cases keep their history but lose the person: their contact and every word naming them
 * where they were the contact, what names them alone anywhere else. Answers the records changed,
 * with the text their search is made from.
 */
export async function eraseFromDealsAndCases(
  trx: Trx,
  orgId: string,
  contactIds: readonly string[],
  patterns: ErasurePatterns,
): Promise<{ cases: { id: string; subject: string }[]; deals: { id: string; name: string }[] }> {
  const named = { org: orgId, contacts: contactIds };
  const cases = async (where: string, pattern: string) =>
    (
      await trx.raw<{ rows: { id: string; subject: string }[] }>(
        `UPDATE cases SET contact_id = CASE WHEN contact_id = ANY(:contacts) THEN NULL ELSE contact_id END,
           subject = ${redacted('subject')}, description = ${redacted('description')}, ${CHANGED}
         WHERE org_id = :org AND ${where} RETURNING id, subject`,
        { ...named, pattern },
      )
    ).rows;
  const deals = async (where: string, pattern: string) =>
    (
      await trx.raw<{ rows: { id: string; name: string }[] }>(
        `UPDATE opportunities SET contact_id = CASE WHEN contact_id = ANY(:contacts) THEN NULL ELSE contact_id END,
           name = ${redacted('name')}, ${CHANGED}
         WHERE org_id = :org AND ${where} RETURNING id, name`,
        { ...named, pattern },
      )
    ).rows;
  return {
    cases: [
      ...(await cases('contact_id = ANY(:contacts)', patterns.close)),
      ...(await cases('(subject ~* :pattern OR description ~* :pattern)', patterns.wide)),
    ],
    deals: [
      ...(await deals('contact_id = ANY(:contacts)', patterns.close)),
      ...(await deals('name ~* :pattern', patterns.wide)),
    ],
  };
}

/** Sets the words a case or deal is found by again, from its redacted subject or name. */
export async function setSearchText(
  trx: Trx,
  orgId: string,
  table: 'cases' | 'opportunities',
  rows: readonly { id: string; searchText: string }[],
): Promise<void> {
  for (const row of rows) {
    await trx(table).where({ org_id: orgId, id: row.id }).update({ search_text: row.searchText });
  }
}

/**
 * JSON columns of the rows a condition picks, with every string value redacted in Node (keys and
 * JSON syntax untouched), written back where anything changed.
 */
async function redactJsonColumns(
  trx: Trx,
  table: string,
  columns: readonly string[],
  where: { sql: string; bindings: Record<string, unknown> },
  pattern: string,
): Promise<void> {
  const { rows } = await trx.raw<{ rows: Record<string, unknown>[] }>(
    `SELECT org_id, id, ${columns.join(', ')} FROM ${table} WHERE ${where.sql}`,
    where.bindings,
  );
  for (const row of rows) {
    const changes: Record<string, unknown> = {};
    for (const column of columns) {
      const after = redactJson(row[column], pattern);
      if (JSON.stringify(after) !== JSON.stringify(row[column])) changes[column] = JSON.stringify(after);
    }
    if (Object.keys(changes).length > 0) {
      await trx(table).where({ org_id: row.org_id, id: row.id }).update(changes);
    }
  }
}

/**
 * The rest of what may name the person: engagement plans run for them, views of them, in-app
 * notifications, outgoing mail and webhooks, queued jobs, and support mail taken in from them or
 * filed among what the erasure touched.
 */
export async function eraseFromTheRest(
  trx: Trx,
  orgId: string,
  person: { contactIds: readonly string[]; addresses: readonly string[]; activityIds: readonly string[] },
  patterns: ErasurePatterns,
): Promise<void> {
  const { contactIds, addresses } = person;
  const named = { org: orgId, contacts: contactIds, addresses, pattern: patterns.wide };
  const enrollments = trx('plan_enrollments')
    .where({ org_id: orgId, record_type: 'contact' })
    .whereIn('record_id', contactIds)
    .select('id');
  // A plan's tasks outlive its run: they point at it no longer.
  await trx('tasks')
    .where({ org_id: orgId })
    .whereIn('plan_enrollment_id', enrollments)
    .update({ plan_enrollment_id: null });
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
    `DELETE FROM scheduled_jobs WHERE org_id = :org AND status <> 'done'
       AND EXISTS (SELECT 1 FROM unnest(CAST(:contacts AS text[])) c WHERE CAST(payload AS text) LIKE '%' || c || '%')`,
    named,
  );
  for (const table of ['deliveries', 'scheduled_jobs']) {
    await trx.raw(
      `UPDATE ${table} SET last_error = ${redacted('last_error')} WHERE org_id = :org AND last_error ~* :pattern`,
      named,
    );
    await redactJsonColumns(
      trx,
      table,
      ['payload'],
      {
        sql: 'org_id = :org AND CAST(payload AS text) ~* :loose',
        bindings: { org: orgId, loose: unbounded(patterns.wide) },
      },
      patterns.wide,
    );
  }
  await trx.raw(
    `UPDATE support_mail_received SET
       from_email = CASE WHEN from_email = ANY(:addresses) THEN NULL ELSE from_email END,
       source = CASE WHEN from_email = ANY(:addresses) OR activity_id = ANY(:activities) THEN NULL ELSE source END,
       subject = ${redacted('subject')}, reason = ${redacted('reason')}
     WHERE org_id = :org AND (from_email = ANY(:addresses) OR activity_id = ANY(:activities)
       OR subject ~* :pattern OR reason ~* :pattern)`,
    { ...named, activities: person.activityIds },
  );
}

/**
 * Blanks what the audit log kept of things the erasure deleted; in the entries of what it changed,
 * takes out every word naming the person.
 */
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
  await redactJsonColumns(
    trx,
    'audit_log',
    ['before', 'after'],
    {
      sql: 'org_id = :org AND entity_id = ANY(:changed) AND (CAST(before AS text) ~* :loose OR CAST(after AS text) ~* :loose)',
      bindings: { org: orgId, changed: entities.changed, loose: unbounded(pattern) },
    },
    pattern,
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
