import { createHmac } from 'node:crypto';

/**
 * A secret for one purpose, derived from the server's own (JWT_SECRET, or the one kept in the data
 * directory): it survives restarts and is the same on every instance, yet a token made for one
 * purpose is never valid for another.
 */
export const derivedSecret = (secret: string, purpose: string) =>
  createHmac('sha256', secret).update(`inbox-crm:${purpose}`).digest('hex');
