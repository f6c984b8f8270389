import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'icrm_';

/** A random bearer secret; only its hash is ever stored. */
export function newOpaqueToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
