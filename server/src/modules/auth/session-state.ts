import type { Db } from '../../db/types.js';
import { loadSessionState, type SessionState } from './repository.js';

// Every request with an access token asks whether its session and user still stand, and with what
// role. This instance keeps the answer a few seconds (the sender view is asked for on every message
// opened); a change it makes itself (logout, a role change, a deactivation) is forgotten at once,
// and other instances see it within STATE_TTL_MS.
const STATE_TTL_MS = 5_000;
const SWEEP_ABOVE_ENTRIES = 10_000;

interface Entry {
  userId: string;
  state: Promise<SessionState | null>;
  until: number;
}

const entries = new Map<string, Entry>();

function sweep(now: number): void {
  if (entries.size < SWEEP_ABOVE_ENTRIES) return;
  for (const [key, entry] of entries) if (entry.until <= now) entries.delete(key);
}

/** The session's current state, from this instance's copy when it is a few seconds old at most. */
export function sessionState(
  db: Db,
  orgId: string,
  userId: string,
  sessionId: string,
): Promise<SessionState | null> {
  const now = Date.now();
  const cached = entries.get(sessionId);
  if (cached && cached.userId === userId && cached.until > now) return cached.state;
  sweep(now);
  const state = loadSessionState(db, orgId, userId, sessionId);
  entries.set(sessionId, { userId, state, until: now + STATE_TTL_MS });
  state.catch(() => entries.delete(sessionId));
  return state;
}

export function forgetSessions(sessionIds: readonly string[]): void {
  for (const id of sessionIds) entries.delete(id);
}

/** After a user's role, team or standing changed: their sessions are read afresh. */
export function forgetUserSessions(userId: string): void {
  for (const [key, entry] of entries) if (entry.userId === userId) entries.delete(key);
}
