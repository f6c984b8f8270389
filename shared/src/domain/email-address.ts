// A pragmatic address check: one @, a non-empty local part, a dotted domain, no spaces or angle brackets.
// RFC 5322 allows more, but mail clients never hand us those forms for real counterparts.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Lower-cases and trims an address; addresses compare case-insensitively everywhere in the CRM. */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

/** True when the text looks like a deliverable address (after normalizing). */
export function isEmailAddress(address: string): boolean {
  const normalized = normalizeEmail(address);
  return normalized.length <= 254 && ADDRESS.test(normalized);
}

/** The host part of an address, lower-cased; empty when there is none. */
export function emailDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : normalizeEmail(address.slice(at + 1));
}
