import type { Knex } from 'knex';
import {
  normalizeEmail,
  type ApiToken,
  type ApiTokenCreate,
  type ApiTokenCreated,
  type Session,
  type User,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { newId } from '../../db/ids.js';
import { NotFound, Unauthorized } from '../../errors.js';
import { findUser, findUserByEmail, toUser, verifyPassword, type UserRow } from '../users/index.js';
import { API_TOKEN_PREFIX, hashToken, newOpaqueToken } from './opaque-tokens.js';
import { takeLoginAttempt } from './login-throttle.js';
import * as tokens from './repository.js';
import { forgetSessions } from './session-state.js';

/** How long an access token lasts; the refresh token renews it. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;

const REFRESH_TOKEN_DAYS = 30;

export type SignAccessToken = (actor: Actor, sessionId: string) => string;

function actorOf(row: UserRow): Actor {
  return { userId: row.id, orgId: row.org_id, role: row.role, teamId: row.team_id };
}

/** A refresh token and an access token for the session `sessionId` (new at sign-in, kept on refresh). */
async function issueTokens(db: Db, sign: SignAccessToken, row: UserRow, sessionId: string): Promise<Session> {
  const refreshToken = newOpaqueToken();
  await tokens.insertRefreshToken(db, {
    token_hash: hashToken(refreshToken),
    org_id: row.org_id,
    user_id: row.id,
    session_id: sessionId,
    expires_at: new Date(Date.now() + REFRESH_TOKEN_DAYS * 24 * 3600 * 1000),
  });
  return {
    accessToken: sign(actorOf(row), sessionId),
    refreshToken,
    expiresIn: ACCESS_TOKEN_SECONDS,
    user: toUser(row),
  };
}

/**
 * Signs in: the attempt is counted first (per address across IPs, and per IP), then the password
 * is checked; a new session starts.
 */
export async function login(
  db: Knex,
  sign: SignAccessToken,
  credentials: { email: string; password: string; ip: string },
): Promise<Session> {
  const address = normalizeEmail(credentials.email);
  const attempt = await takeLoginAttempt(db, address, credentials.ip);
  const row = await findUserByEmail(db, address);
  const matches = await verifyPassword(credentials.password, row?.password_hash ?? null);
  if (!row || !matches)
    throw new Unauthorized('The email address or password is wrong.', 'invalid_credentials');
  await attempt.succeeded();
  if (!row.active) throw new Unauthorized('This user has been deactivated; ask an admin.', 'user_inactive');
  return db.transaction(async (trx) => {
    const sessionId = newId();
    await tokens.insertSession(trx, { org_id: row.org_id, id: sessionId, user_id: row.id });
    return issueTokens(trx, sign, row, sessionId);
  });
}

const sessionEnded = () => new Unauthorized('This session has ended; sign in again.', 'session_expired');

/**
 * Trades a refresh token for new tokens in the same session; the old refresh token is spent
 * (rotation). A spent token presented again means it was copied: the whole session ends, signing
 * out both the thief and the victim (RFC 9700, refresh token rotation). Only within seconds of its
 * renewal is it taken for a sibling page (another tab) that renewed at the same moment: that page is
 * told to take the session its sibling saved, and nothing ends.
 */
export async function refresh(db: Knex, sign: SignAccessToken, refreshToken: string): Promise<Session> {
  type Outcome = { session: Session } | { endedSession: string } | 'renewed_elsewhere' | null;
  const outcome = await db.transaction(async (trx): Promise<Outcome> => {
    const consumed = await tokens.consumeRefreshToken(trx, refreshToken);
    if (!consumed) return null;
    if ('reused' in consumed) {
      if (consumed.reused.justSpent) return 'renewed_elsewhere';
      const { org_id, session_id } = consumed.reused;
      await tokens.endSessions(trx, { orgId: org_id, sessionId: session_id }, 'refresh_reused');
      return { endedSession: session_id };
    }
    const { org_id, user_id, session_id } = consumed.spent;
    const row = await findUser(trx, org_id, user_id);
    if (!row?.active) return null;
    return { session: await issueTokens(trx, sign, row, session_id) };
  });
  if (outcome === 'renewed_elsewhere') {
    throw new Unauthorized(
      'This session was renewed a moment ago in another window; carry on with the renewed one.',
      'session_renewed',
    );
  }
  if (outcome && 'session' in outcome) return outcome.session;
  if (outcome) forgetSessions([outcome.endedSession]);
  throw sessionEnded();
}

/** Ends the session of this refresh token: its refresh tokens and its access tokens stop working. */
export async function logout(db: Knex, refreshToken: string): Promise<void> {
  const owner = await tokens.sessionOfRefreshToken(db, refreshToken);
  if (!owner) return;
  forgetSessions(
    await tokens.endSessions(db, { orgId: owner.org_id, sessionId: owner.session_id }, 'logout'),
  );
}

export async function me(db: Knex, actor: Actor): Promise<User> {
  const row = await findUser(db, actor.orgId, actor.userId);
  if (!row) throw new NotFound('Your user');
  return toUser(row);
}

export function listApiTokens(db: Knex, actor: Actor): Promise<ApiToken[]> {
  return tokens.listApiTokens(db, actor.orgId, actor.userId);
}

/**
 * A token for integrations that acts as the calling user, with all their rights or, for a website
 * form's server, only to record consent; the secret is returned once.
 */
export async function createApiToken(
  db: Knex,
  actor: Actor,
  { name, scope = 'full' }: ApiTokenCreate,
): Promise<ApiTokenCreated> {
  const token = newOpaqueToken(API_TOKEN_PREFIX);
  const apiToken = await tokens.insertApiToken(db, {
    org_id: actor.orgId,
    id: newId(),
    user_id: actor.userId,
    name: name.trim(),
    scope,
    prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    token_hash: hashToken(token),
  });
  return { token, apiToken };
}

export async function revokeApiToken(db: Knex, actor: Actor, id: string): Promise<void> {
  if (!(await tokens.revokeApiToken(db, actor.orgId, actor.userId, id))) throw new NotFound('API token');
}
