import type { Knex } from 'knex';
import {
  normalizeEmail,
  type ApiToken,
  type ApiTokenCreated,
  type Session,
  type User,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { NotFound, Unauthorized } from '../../errors.js';
import { ACCESS_TOKEN_SECONDS } from '../../plugins/auth.js';
import { findUser, findUserByEmail, toUser, type UserRow } from '../users/repository.js';
import { verifyPassword } from './passwords.js';
import { API_TOKEN_PREFIX, hashToken, newOpaqueToken } from './opaque-tokens.js';
import * as tokens from './repository.js';

const REFRESH_TOKEN_DAYS = 30;

export type SignAccessToken = (actor: Actor) => string;

function actorOf(row: UserRow): Actor {
  return { userId: row.id, orgId: row.org_id, role: row.role, teamId: row.team_id };
}

async function startSession(db: Knex, sign: SignAccessToken, row: UserRow): Promise<Session> {
  const refreshToken = newOpaqueToken();
  await tokens.insertRefreshToken(db, {
    token_hash: hashToken(refreshToken),
    org_id: row.org_id,
    user_id: row.id,
    expires_at: new Date(Date.now() + REFRESH_TOKEN_DAYS * 24 * 3600 * 1000),
  });
  return {
    accessToken: sign(actorOf(row)),
    refreshToken,
    expiresIn: ACCESS_TOKEN_SECONDS,
    user: toUser(row),
  };
}

export async function login(
  db: Knex,
  sign: SignAccessToken,
  email: string,
  password: string,
): Promise<Session> {
  const row = await findUserByEmail(db, normalizeEmail(email));
  const matches = await verifyPassword(password, row?.password_hash ?? null);
  if (!row || !matches)
    throw new Unauthorized('The email address or password is wrong.', 'invalid_credentials');
  if (!row.active) throw new Unauthorized('This user has been deactivated; ask an admin.', 'user_inactive');
  return startSession(db, sign, row);
}

/** Trades a refresh token for a new session; the old refresh token is spent (rotation). */
export async function refresh(db: Knex, sign: SignAccessToken, refreshToken: string): Promise<Session> {
  const owner = await tokens.consumeRefreshToken(db, refreshToken);
  const row = owner ? await findUser(db, owner.org_id, owner.user_id) : undefined;
  if (!row?.active) throw new Unauthorized('This session has ended; sign in again.', 'session_expired');
  return startSession(db, sign, row);
}

export function logout(db: Knex, refreshToken: string): Promise<void> {
  return tokens.revokeRefreshToken(db, refreshToken);
}

export async function me(db: Knex, actor: Actor): Promise<User> {
  const row = await findUser(db, actor.orgId, actor.userId);
  if (!row) throw new NotFound('Your user');
  return toUser(row);
}

export function listApiTokens(db: Knex, actor: Actor): Promise<ApiToken[]> {
  return tokens.listApiTokens(db, actor.orgId, actor.userId);
}

/** A token for integrations that acts as the calling user; the secret is returned once. */
export async function createApiToken(db: Knex, actor: Actor, name: string): Promise<ApiTokenCreated> {
  const token = newOpaqueToken(API_TOKEN_PREFIX);
  const apiToken = await tokens.insertApiToken(db, {
    org_id: actor.orgId,
    id: newId(),
    user_id: actor.userId,
    name: name.trim(),
    prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    token_hash: hashToken(token),
  });
  return { token, apiToken };
}

export async function revokeApiToken(db: Knex, actor: Actor, id: string): Promise<void> {
  if (!(await tokens.revokeApiToken(db, actor.orgId, actor.userId, id))) throw new NotFound('API token');
}
