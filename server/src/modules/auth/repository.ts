import type { ApiToken } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { iso, isoOrNull, type Db } from '../../db/types.js';
import { hashToken } from './opaque-tokens.js';

export async function insertRefreshToken(
  db: Db,
  row: { token_hash: string; org_id: string; user_id: string; expires_at: Date },
): Promise<void> {
  await db('refresh_tokens').insert(row);
}

/** Spends a refresh token: it is revoked in the same statement, so it can be used once only. */
export async function consumeRefreshToken(
  db: Db,
  token: string,
): Promise<{ org_id: string; user_id: string } | undefined> {
  const [row] = (await db('refresh_tokens')
    .where({ token_hash: hashToken(token) })
    .whereNull('revoked_at')
    .where('expires_at', '>', db.fn.now())
    .update({ revoked_at: db.fn.now() })
    .returning(['org_id', 'user_id'])) as { org_id: string; user_id: string }[];
  return row;
}

export async function revokeRefreshToken(db: Db, token: string): Promise<void> {
  await db('refresh_tokens')
    .where({ token_hash: hashToken(token) })
    .whereNull('revoked_at')
    .update({ revoked_at: db.fn.now() });
}

/** The active user an API token belongs to, or null; marks the token used (at most once a minute). */
export async function actorForApiToken(db: Db, token: string): Promise<Actor | null> {
  const hash = hashToken(token);
  const result = (await db.raw(
    `WITH touched AS (
       UPDATE api_tokens SET last_used_at = now()
       WHERE token_hash = ? AND revoked_at IS NULL
         AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
       RETURNING token_hash
     )
     SELECT u.id, u.org_id, u.role, u.team_id
     FROM api_tokens t JOIN users u ON u.org_id = t.org_id AND u.id = t.user_id
     WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active`,
    [hash, hash],
  )) as { rows: { id: string; org_id: string; role: Actor['role']; team_id: string | null }[] };
  const row = result.rows[0];
  return row ? { userId: row.id, orgId: row.org_id, role: row.role, teamId: row.team_id } : null;
}

interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
}

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
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
  row: { org_id: string; id: string; user_id: string; name: string; prefix: string; token_hash: string },
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
