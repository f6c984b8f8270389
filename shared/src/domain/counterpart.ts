import { emailDomain, normalizeEmail } from './email-address.js';
import { registrableDomain } from './registrable-domain.js';

/** True when the address belongs to one of the organisation's own domains (its staff, never a customer). */
export function isOwnAddress(address: string, ownDomains: readonly string[]): boolean {
  const domain = emailDomain(address);
  if (domain === '') return false;
  const registrable = registrableDomain(domain) ?? domain;
  return ownDomains.some((own) => own === domain || own === registrable);
}

/**
 * The entry of a never-file list that an address hits, or null. Entries are full addresses
 * (`ceo@acme.com`) or domains (`acme.com`, which also covers its sub-domains).
 */
export function neverFileEntryFor(address: string, neverFile: readonly string[]): string | null {
  const normalized = normalizeEmail(address);
  const domain = emailDomain(normalized);
  for (const entry of neverFile) {
    const rule = entry.trim().toLowerCase();
    if (rule.includes('@') ? rule === normalized : domain === rule || domain.endsWith(`.${rule}`))
      return entry;
  }
  return null;
}
