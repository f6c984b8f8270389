import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Seals secrets for storage (AES-256-GCM) and opens them again; a changed byte fails to open. A
 * secret sealed for one `owner` (e.g. `org:mailbox`) does not open for another, so a sealed value
 * copied between rows is useless.
 */
export interface SecretBox {
  seal(plain: string, owner: string): string;
  open(sealed: string, owner: string): string;
}

const VERSION = 'v1';

/**
 * A box keyed by SECRETS_KEY (or the key kept in the data directory): the key is hashed to 256 bits,
 * each secret gets a random nonce, and what is stored is `v1.<nonce>.<tag>.<ciphertext>` in base64url.
 */
export function secretBox(key: string): SecretBox {
  const aesKey = createHash('sha256').update(`inbox-crm:secrets:${key}`).digest();
  return {
    seal(plain, owner) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', aesKey, nonce);
      cipher.setAAD(Buffer.from(owner, 'utf8'));
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, nonce, cipher.getAuthTag(), sealed]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed, owner) {
      const [version, nonce, tag, data] = sealed.split('.');
      if (version !== VERSION || !nonce || !tag || data === undefined) {
        throw new Error('This secret was not sealed by this server.');
      }
      const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      decipher.setAAD(Buffer.from(owner, 'utf8'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
