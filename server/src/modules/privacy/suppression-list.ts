import { createHmac } from 'node:crypto';
import { normalizeEmail, type SuppressionReason } from '@inbox-crm/shared';
import { OrganisationCache } from '../../cache/organisation-cache.js';
import type { Db } from '../../db/types.js';
import { privacySalt } from '../organisation/index.js';

// An organisation's salt never changes: kept for as long as the process lives.
const salts = new OrganisationCache<string>(Number.POSITIVE_INFINITY);

/** An address as the suppression list keeps it: HMAC-SHA256 under the organisation's salt, in hex. */
export async function addressHashes(db: Db, orgId: string, emails: readonly string[]): Promise<string[]> {
  const salt = await salts.get(orgId, () => privacySalt(db, orgId));
  return emails.map((email) => createHmac('sha256', salt).update(normalizeEmail(email)).digest('hex'));
}

/** Which of these addresses are on the organisation's suppression list. */
export async function suppressedAddresses(
  db: Db,
  orgId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const normalized = [...new Set(emails.map(normalizeEmail))];
  const hashes = await addressHashes(db, orgId, normalized);
  const rows = (await db('suppressions')
    .where({ org_id: orgId })
    .whereIn('address_hash', hashes)
    .select('address_hash')) as { address_hash: string }[];
  const found = new Set(rows.map((row) => row.address_hash));
  return new Set(normalized.filter((_, index) => found.has(hashes[index]!)));
}

/** Puts addresses on the list; an address already there keeps its first entry. */
export async function suppress(
  db: Db,
  orgId: string,
  emails: readonly string[],
  reason: SuppressionReason,
  userId: string | null,
): Promise<void> {
  if (emails.length === 0) return;
  const hashes = await addressHashes(db, orgId, emails);
  await db('suppressions')
    .insert(
      [...new Set(hashes)].map((hash) => ({
        org_id: orgId,
        address_hash: hash,
        reason,
        created_by: userId,
      })),
    )
    .onConflict(['org_id', 'address_hash'])
    .ignore();
}

/** Takes an address off the list; true when it was on it. */
export async function unsuppress(db: Db, orgId: string, email: string): Promise<boolean> {
  const [hash] = await addressHashes(db, orgId, [email]);
  const removed = await db('suppressions')
    .where({ org_id: orgId, address_hash: hash })
    .delete()
    .returning('address_hash');
  return removed.length > 0;
}

export async function latestSuppressions(
  db: Db,
  orgId: string,
  limit: number,
): Promise<{ total: number; latest: SuppressionRow[] }> {
  const [count] = (await db('suppressions').where({ org_id: orgId }).count({ n: '*' })) as {
    n: string | number;
  }[];
  const latest = (await db('suppressions')
    .where({ org_id: orgId })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'address_hash', order: 'asc' },
    ])
    .limit(limit)
    .select('address_hash', 'reason', 'created_at', 'created_by')) as SuppressionRow[];
  return { total: Number(count?.n ?? 0), latest };
}

export interface SuppressionRow {
  address_hash: string;
  reason: SuppressionReason;
  created_at: Date;
  created_by: string | null;
}
