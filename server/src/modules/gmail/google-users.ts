import type { Knex } from 'knex';
import type { UserUpdated } from '../../events/domain-events.js';
import type { Db } from '../../db/types.js';
import { findUserByEmail, type UserRow } from '../users/index.js';

// Google names the Gmail user by address on every card. This instance keeps who that is a few
// seconds, as the API's session check does (auth/session-state.ts); a change to the user made here
// is forgotten once it commits, and other instances see it within USER_TTL_MS. An address with no
// user is not kept, so a user added a moment ago is found at once.
const USER_TTL_MS = 5_000;
const SWEEP_ABOVE_ENTRIES = 10_000;

const entries = new Map<string, { user: UserRow; until: number }>();

function sweep(now: number): void {
  if (entries.size < SWEEP_ABOVE_ENTRIES) return;
  for (const [key, entry] of entries) if (entry.until <= now) entries.delete(key);
}

/** The user holding this (normalized) address, from this instance's copy when it is a few seconds old at most. */
export async function userByAddress(db: Db, email: string): Promise<UserRow | undefined> {
  const now = Date.now();
  const cached = entries.get(email);
  if (cached && cached.until > now) return cached.user;
  sweep(now);
  const user = await findUserByEmail(db, email);
  if (user) entries.set(email, { user, until: now + USER_TTL_MS });
  else entries.delete(email);
  return user;
}

/** A user changed (role, team, standing, address): the add-on reads them afresh once the change committed. */
export function forgetGoogleUserOnUserUpdated(trx: Knex.Transaction, event: UserUpdated): Promise<void> {
  const forget = () => {
    for (const [key, entry] of entries) if (entry.user.id === event.userId) entries.delete(key);
  };
  trx.executionPromise.finally(forget).catch(() => undefined);
  return Promise.resolve();
}
