import type { Knex } from 'knex';
import { ERASED_ADDRESS } from './redaction.js';
import { CHANGED, redacted } from './redaction-sql.js';

// An erasure's writes to the person's mail and activities, and their contacts. Like the rest of the
// erasure (erasure-records-repository.ts) it reaches other modules' tables, which no other module
// does: what an erasure touches is read here, in one place. Every statement is scoped to the
// organisation.

type Trx = Knex.Transaction;

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

/** Deletes the contacts for good; their addresses, phones and consent history go with them. */
export async function deleteContacts(trx: Trx, orgId: string, contactIds: readonly string[]): Promise<void> {
  if (contactIds.length > 0)
    await trx('contacts').where({ org_id: orgId }).whereIn('id', contactIds).delete();
}
