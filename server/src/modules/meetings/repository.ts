import type { Db } from '../../db/types.js';

/** A contact an attendee's address belongs to, with the contact's account. */
export interface AttendeeContact {
  email: string;
  contactId: string;
  accountId: string | null;
}

/** The live contacts these addresses (lower case) belong to, in one statement. */
export async function contactsByAddress(
  db: Db,
  orgId: string,
  addresses: readonly string[],
): Promise<AttendeeContact[]> {
  if (addresses.length === 0) return [];
  const { rows } = await db.raw<{ rows: AttendeeContact[] }>(
    `SELECT e.email, e.contact_id AS "contactId", c.account_id AS "accountId"
     FROM contact_emails e JOIN contacts c ON c.org_id = e.org_id AND c.id = e.contact_id
     WHERE e.org_id = ? AND e.email = ANY(CAST(? AS text[])) AND c.deleted_at IS NULL`,
    [orgId, [...addresses]],
  );
  return rows;
}

/**
 * The live meeting logged for this occurrence that the user logs to: the organisation's (public)
 * one, else the user's own private one. With `lock`, it is held until the transaction ends.
 */
export async function meetingIdFor(
  db: Db,
  orgId: string,
  occurrenceKey: string,
  userId: string,
  lock = false,
): Promise<string | null> {
  const query = db<{
    id: string;
    org_id: string;
    occurrence_key: string;
    private: boolean;
    owner_id: string;
  }>('activities')
    .where({ org_id: orgId, occurrence_key: occurrenceKey })
    .whereNull('deleted_at')
    .whereRaw('(NOT private OR owner_id = ?)', [userId])
    // The public one first.
    .orderBy('private')
    .first('id');
  const row = await (lock ? query.forUpdate() : query);
  return row?.id ?? null;
}
