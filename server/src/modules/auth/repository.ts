import type { ApiToken, ApiTokenScope } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { iso, isoOrNull, type Db } from '../../db/types.js';
import { hashToken } from './opaque-tokens.js';

export type SessionEndReason = 'logout' | 'refresh_reused' | 'password_changed' | 'deactivated';

export async function insertSession(
  db: Db,
  row: { org_id: string; id: string; user_id: string },
): Promise<void> {
  await db('sessions').insert(row);
}

export async function insertRefreshToken(
  db: Db,
  row: { token_hash: string; org_id: string; user_id: string; session_id: string; expires_at: Date },
): Promise<void> {
  await db('refresh_tokens').insert(row);
}

export interface RefreshTokenOwner {
  org_id: string;
  user_id: string;
  session_id: string;
}

/**
 * Spends a refresh token of a live session: it is revoked in the same statement, so it can be used
 * once only, and its session row is locked until the caller commits, so a session being ended at
 * the same moment waits and then ends the token issued in its place too. `reused` is a token that
 * was spent already while its session still runs.
 */
export async function consumeRefreshToken(
  db: Db,
  token: string,
): Promise<{ spent: RefreshTokenOwner } | { reused: RefreshTokenOwner & { justSpent: boolean } } | null> {
  const hash = hashToken(token);
  const [spent] = (await db('refresh_tokens')
    .where({ token_hash: hash })
    .whereNull('revoked_at')
    .where('expires_at', '>', db.fn.now())
    .update({ revoked_at: db.fn.now() })
    .returning(['org_id', 'user_id', 'session_id'])) as RefreshTokenOwner[];
  if (spent) {
    const live = await db('sessions')
      .where({ org_id: spent.org_id, id: spent.session_id })
      .whereNull('ended_at')
      .forUpdate()
      .first<{ id: string } | undefined>('id');
    return live ? { spent } : null;
  }
  const reused = await liveSessionOfToken(db, hash);
  return reused ? { reused } : null;
}

// How long after its renewal a spent token is taken for a sibling page renewing at the same moment
// (two tabs whose access tokens expired together) rather than for a copy in someone else's hands.
const RENEWAL_RACE_SECONDS = 10;

function liveSessionOfToken(
  db: Db,
  hash: string,
): Promise<(RefreshTokenOwner & { justSpent: boolean }) | undefined> {
  return db('refresh_tokens as t')
    .join('sessions as s', function joinSession() {
      this.on('s.org_id', 't.org_id').andOn('s.id', 't.session_id');
    })
    .where('t.token_hash', hash)
    .whereNull('s.ended_at')
    .first(
      't.org_id',
      't.user_id',
      't.session_id',
      db.raw(
        `coalesce(t.revoked_at > now() - interval '${RENEWAL_RACE_SECONDS} seconds', false) AS "justSpent"`,
      ),
    ) as Promise<(RefreshTokenOwner & { justSpent: boolean }) | undefined>;
}

/** The live session a refresh token belongs to, whether the token is spent or not. */
export function sessionOfRefreshToken(db: Db, token: string): Promise<RefreshTokenOwner | undefined> {
  return liveSessionOfToken(db, hashToken(token));
}

/** Ends sessions (one, or all of a user's) and revokes their refresh tokens; answers their ids. */
export async function endSessions(
  db: Db,
  where: { orgId: string; sessionId?: string; userId?: string },
  reason: SessionEndReason,
): Promise<string[]> {
  const ended = (await db('sessions')
    .where({
      org_id: where.orgId,
      ...(where.sessionId ? { id: where.sessionId } : {}),
      ...(where.userId ? { user_id: where.userId } : {}),
    })
    .whereNull('ended_at')
    .update({ ended_at: db.fn.now(), end_reason: reason })
    .returning('id')) as { id: string }[];
  const ids = ended.map((row) => row.id);
  if (ids.length > 0) {
    await db('refresh_tokens')
      .where({ org_id: where.orgId })
      .whereIn('session_id', ids)
      .whereNull('revoked_at')
      .update({ revoked_at: db.fn.now() });
  }
  return ids;
}

/** What an access token's holder is now: their role, team and whether they and the session still stand. */
export interface SessionState {
  role: Actor['role'];
  teamId: string | null;
  userActive: boolean;
  sessionEnded: boolean;
}

export async function loadSessionState(
  db: Db,
  orgId: string,
  userId: string,
  sessionId: string,
): Promise<SessionState | null> {
  const row = (await db('sessions as s')
    .join('users as u', function joinUser() {
      this.on('u.org_id', 's.org_id').andOn('u.id', 's.user_id');
    })
    .where({ 's.org_id': orgId, 's.id': sessionId, 's.user_id': userId })
    .first('u.role', 'u.team_id', 'u.active', 's.ended_at')) as
    { role: Actor['role']; team_id: string | null; active: boolean; ended_at: Date | null } | undefined;
  if (!row) return null;
  return { role: row.role, teamId: row.team_id, userActive: row.active, sessionEnded: row.ended_at !== null };
}

/** The active user an API token belongs to and what the token may do, or null; marks the token used (at most once a minute). */
export async function actorForApiToken(
  db: Db,
  token: string,
): Promise<{ actor: Actor; scope: ApiTokenScope } | null> {
  const hash = hashToken(token);
  const result = (await db.raw(
    `WITH touched AS (
       UPDATE api_tokens SET last_used_at = now()
       WHERE token_hash = ? AND revoked_at IS NULL
         AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
       RETURNING token_hash
     )
     SELECT u.id, u.org_id, u.role, u.team_id, t.scope
     FROM api_tokens t JOIN users u ON u.org_id = t.org_id AND u.id = t.user_id
     WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active`,
    [hash, hash],
  )) as {
    rows: { id: string; org_id: string; role: Actor['role']; team_id: string | null; scope: ApiTokenScope }[];
  };
  const row = result.rows[0];
  if (!row) return null;
  return {
    actor: { userId: row.id, orgId: row.org_id, role: row.role, teamId: row.team_id },
    scope: row.scope,
  };
}

interface ApiTokenRow {
  id: string;
  name: string;
  scope: ApiTokenScope;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
}

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdAt: iso(row.created_at),
    lastUsedAt: isoOrNull(row.last_used_at),
  };
}

export async function listApiTokens(db: Db, orgId: string, userId: string): Promise<ApiToken[]> {
  const rows = (await db('api_tokens')
    .where({ org_id: orgId, user_id: userId })
    .whereNull('revoked_at')
    .orderBy('id', 'desc')) as ApiTokenRow[];
  return rows.map(toApiToken);
}

export async function insertApiToken(
  db: Db,
  row: {
    org_id: string;
    id: string;
    user_id: string;
    name: string;
    scope: ApiTokenScope;
    prefix: string;
    token_hash: string;
  },
): Promise<ApiToken> {
  const [created] = (await db('api_tokens').insert(row).returning('*')) as ApiTokenRow[];
  return toApiToken(created!);
}

export async function revokeApiToken(db: Db, orgId: string, userId: string, id: string): Promise<boolean> {
  const count = await db('api_tokens')
    .where({ org_id: orgId, user_id: userId, id })
    .whereNull('revoked_at')
    .update({ revoked_at: db.fn.now() });
  return count > 0;
}
