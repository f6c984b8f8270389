import type {
  ConsentEntry,
  ConsentPurpose,
  ConsentState,
  CurrentConsent,
  LawfulBasis,
} from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { userRef } from '../users/index.js';

export interface ConsentEntryRow {
  org_id: string;
  id: string;
  contact_id: string;
  purpose: ConsentPurpose;
  state: ConsentState;
  lawful_basis: LawfulBasis | null;
  source: string;
  wording: string | null;
  email: string | null;
  given_at: Date;
  recorded_at: Date;
  recorded_by: string | null;
}

export type NewConsentEntry = Omit<ConsentEntryRow, 'recorded_at'>;

export const toConsentEntry = (row: ConsentEntryRow, names: ReadonlyMap<string, string>): ConsentEntry => ({
  id: row.id,
  contactId: row.contact_id,
  purpose: row.purpose,
  state: row.state,
  lawfulBasis: row.lawful_basis,
  source: row.source,
  wording: row.wording,
  email: row.email,
  givenAt: row.given_at.toISOString(),
  recordedAt: row.recorded_at.toISOString(),
  recordedBy: userRef(names, row.recorded_by),
});

// The current answer moves only to a later one: an answer recorded today but given last year
// joins the history without overriding what the person said since.
const INSERT_ENTRIES = `WITH added AS (
    INSERT INTO consent_entries
      (org_id, id, contact_id, purpose, state, lawful_basis, source, wording, email, given_at, recorded_by)
    SELECT * FROM jsonb_to_recordset(CAST(? AS jsonb)) AS e(
      org_id uuid, id uuid, contact_id uuid, purpose text, state text, lawful_basis text, source text,
      wording text, email text, given_at timestamptz, recorded_by uuid)
    RETURNING *
  ), current AS (
    INSERT INTO contact_consents (org_id, contact_id, purpose, state, given_at, entry_id)
    SELECT org_id, contact_id, purpose, state, given_at, id FROM added
    ON CONFLICT (org_id, contact_id, purpose) DO UPDATE
      SET state = EXCLUDED.state, given_at = EXCLUDED.given_at, entry_id = EXCLUDED.entry_id
      WHERE contact_consents.given_at <= EXCLUDED.given_at
  )
  SELECT * FROM added ORDER BY purpose`;

/** Adds entries (one per purpose at most) and moves each purpose's current answer where they are later. */
export async function insertConsentEntries(
  db: Db,
  entries: readonly NewConsentEntry[],
): Promise<ConsentEntryRow[]> {
  const { rows } = await db.raw<{ rows: ConsentEntryRow[] }>(INSERT_ENTRIES, [JSON.stringify(entries)]);
  return rows;
}

export async function currentConsents(db: Db, orgId: string, contactId: string): Promise<CurrentConsent[]> {
  const rows = (await db('contact_consents')
    .where({ org_id: orgId, contact_id: contactId })
    .orderBy('purpose')
    .select('purpose', 'state', 'given_at')) as {
    purpose: ConsentPurpose;
    state: ConsentState;
    given_at: Date;
  }[];
  return rows.map((row) => ({ purpose: row.purpose, state: row.state, givenAt: row.given_at.toISOString() }));
}

/** A contact's entries, newest answer first. */
export function consentHistory(
  db: Db,
  orgId: string,
  contactId: string,
  limit: number,
): Promise<ConsentEntryRow[]> {
  return db('consent_entries')
    .where({ org_id: orgId, contact_id: contactId })
    .orderBy([
      { column: 'given_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit)
    .select('*');
}

export async function countConsentEntries(db: Db, orgId: string, contactId: string): Promise<number> {
  const row = (await db('consent_entries')
    .where({ org_id: orgId, contact_id: contactId })
    .count({ n: '*' })
    .first()) as { n: number | string } | undefined;
  return Number(row?.n ?? 0);
}

/**
 * Hands one contact's entries to another (a merge) and sets the other's current answers again from
 * the joined history: per purpose, the answer given last.
 */
export async function moveConsentEntries(db: Db, orgId: string, fromId: string, toId: string): Promise<void> {
  await db('contact_consents').where({ org_id: orgId }).whereIn('contact_id', [fromId, toId]).delete();
  await db('consent_entries').where({ org_id: orgId, contact_id: fromId }).update({ contact_id: toId });
  await db.raw(
    `INSERT INTO contact_consents (org_id, contact_id, purpose, state, given_at, entry_id)
     SELECT DISTINCT ON (purpose) org_id, contact_id, purpose, state, given_at, id
       FROM consent_entries WHERE org_id = ? AND contact_id = ?
      ORDER BY purpose, given_at DESC, id DESC`,
    [orgId, toId],
  );
}
