import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';

/** The caller's live records of every type, named: what "filed to my records" means. */
export const OWNED_RECORDS = `
  SELECT 'account'::text AS record_type, a.id, a.name FROM accounts a
    WHERE a.org_id = ? AND a.owner_id = ? AND a.deleted_at IS NULL
  UNION ALL
  SELECT 'contact', c.id, trim(c.first_name || ' ' || c.last_name) FROM contacts c
    WHERE c.org_id = ? AND c.owner_id = ? AND c.deleted_at IS NULL
  UNION ALL
  SELECT 'opportunity', o.id, o.name FROM opportunities o
    WHERE o.org_id = ? AND o.owner_id = ? AND o.deleted_at IS NULL
  UNION ALL
  SELECT 'case', k.id, k.subject FROM cases k
    WHERE k.org_id = ? AND k.owner_id = ? AND k.deleted_at IS NULL`;

/** OWNED_RECORDS' bindings. */
export const ownedRecordsBindings = (actor: Actor): string[] =>
  Array.from({ length: 4 }, () => [actor.orgId, actor.userId]).flat();

/**
 * The record a link (`alias`) is filed to, named, if it is one of the caller's live records; no row
 * otherwise. Only the branch of the link's record type runs: the others are one-time filters.
 */
export const ownedRecordOfLink = (alias: string): string => `
  SELECT 'account'::text AS record_type, a.id, a.name FROM accounts a
    WHERE ${alias}.record_type = 'account' AND a.org_id = ${alias}.org_id AND a.id = ${alias}.record_id
      AND a.owner_id = ? AND a.deleted_at IS NULL
  UNION ALL
  SELECT 'contact', c.id, trim(c.first_name || ' ' || c.last_name) FROM contacts c
    WHERE ${alias}.record_type = 'contact' AND c.org_id = ${alias}.org_id AND c.id = ${alias}.record_id
      AND c.owner_id = ? AND c.deleted_at IS NULL
  UNION ALL
  SELECT 'opportunity', o.id, o.name FROM opportunities o
    WHERE ${alias}.record_type = 'opportunity' AND o.org_id = ${alias}.org_id AND o.id = ${alias}.record_id
      AND o.owner_id = ? AND o.deleted_at IS NULL
  UNION ALL
  SELECT 'case', k.id, k.subject FROM cases k
    WHERE ${alias}.record_type = 'case' AND k.org_id = ${alias}.org_id AND k.id = ${alias}.record_id
      AND k.owner_id = ? AND k.deleted_at IS NULL`;

/** ownedRecordOfLink's bindings. */
export const ownedRecordOfLinkBindings = (actor: Actor): string[] => Array<string>(4).fill(actor.userId);

/**
 * Whether the caller owns fewer than `cap` live records, counted no further than the cap (each
 * type one range of its owner index), so a person who owns many costs no more than one who owns few.
 */
export async function ownsFewerThan(db: Db, actor: Actor, cap: number): Promise<boolean> {
  const capped = (table: string) =>
    `(SELECT 1 FROM ${table} WHERE org_id = ? AND owner_id = ? AND deleted_at IS NULL LIMIT ${Number(cap)})`;
  const result = await db.raw<{ rows: { owned: number }[] }>(
    `SELECT count(*)::integer AS owned FROM (
       ${['accounts', 'contacts', 'opportunities', 'cases'].map(capped).join(' UNION ALL ')}
     ) owned`,
    ownedRecordsBindings(actor),
  );
  return result.rows[0]!.owned < cap;
}
