import { getDomain } from 'tldts';

/**
 * The registrable part of a host name by the public-suffix list: `mail.acme.co.uk` → `acme.co.uk`.
 * Returns null for hosts without one (an IP address, a bare suffix, garbage).
 */
export function registrableDomain(host: string): string | null {
  const cleaned = host
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/[/:].*$/, '')
    .replace(/\.$/, '');
  if (cleaned === '') return null;
  return getDomain(cleaned, { allowPrivateDomains: false }) ?? null;
}
