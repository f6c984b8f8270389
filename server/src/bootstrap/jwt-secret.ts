import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';

/** The secret the environment gives, or one generated on first start and kept in the data directory. */
async function keptSecret(given: string | null, dataDir: string, file: string): Promise<string> {
  if (given !== null) return given;
  const kept = path.join(dataDir, file);
  const existing = await readFile(kept, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return existing.trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(kept, secret, { mode: 0o600 });
  return secret;
}

/**
 * JWT_SECRET, or a secret generated on first start and kept in the data directory, so the demo
 * needs no setup and sessions survive restarts. Several instances must share JWT_SECRET instead.
 */
export const resolveJwtSecret = (config: Pick<Config, 'jwtSecret' | 'dataDir'>): Promise<string> =>
  keptSecret(config.jwtSecret, config.dataDir, 'jwt-secret');

/**
 * SECRETS_KEY, which seals mailbox passwords and tokens at rest, or a key kept in the data directory
 * as for the JWT secret. Several instances must share SECRETS_KEY.
 */
export const resolveSecretsKey = (config: Pick<Config, 'secretsKey' | 'dataDir'>): Promise<string> =>
  keptSecret(config.secretsKey, config.dataDir, 'secrets-key');
