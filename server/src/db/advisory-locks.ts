import type { Db } from './types.js';

// Transaction-scoped advisory locks on text keys: they serialise work on something no row stands
// for yet (an address about to become a contact, a message about to become a case).

const keysOf = (keys: readonly string[]) => [...new Set(keys)].sort();

// unnest gives the keys in the array's order, and they are locked in that order.
const LOCK_KEYS = `SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))
  FROM unnest(CAST(? AS text[])) AS keys(k)`;

/**
 * Waits, until this transaction ends, for every other transaction holding one of these keys. Keys are
 * taken in one order, so two transactions never wait for each other.
 */
export async function lockKeys(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await db.raw(LOCK_KEYS, [keysOf(keys)]);
}

const TRY_KEYS = `SELECT k AS key FROM unnest(CAST(? AS text[])) AS keys(k)
  WHERE pg_try_advisory_xact_lock(hashtextextended(k, 0))`;

/**
 * Takes what it can of these keys until this transaction ends, without waiting, and answers those
 * it holds: not those another transaction holds right now.
 */
export async function tryLockKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await db.raw<{ rows: { key: string }[] }>(TRY_KEYS, [keysOf(keys)]);
  return new Set(rows.map((row) => row.key));
}
