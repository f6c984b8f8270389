import type { Knex } from 'knex';
import { ERASED_ADDRESS } from './redaction.js';

// Who a person is in the CRM and what concerns them: their contacts, and the activities that are
// theirs. An erasure and an access request read them alike, so what one shows the other takes.

type Trx = Knex.Transaction;

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
