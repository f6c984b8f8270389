/**
 * An RFC 5322 Message-ID without its angle brackets and surrounding space, or null when empty.
 * Message-IDs are compared exactly otherwise: their local part is case-sensitive.
 */
export function normalizeMessageId(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  // Index walks rather than /<+/ and />+$/: the latter backtracks quadratically on a long run of '>'.
  const text = raw.trim();
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '<') start += 1;
  while (end > start && text[end - 1] === '>') end -= 1;
  const trimmed = text.slice(start, end).trim();
  return trimmed === '' ? null : trimmed;
}

/** The Message-IDs of a References header or list, normalized, in order, without repeats. */
export function parseReferences(raw: string | readonly string[] | null | undefined): string[] {
  if (raw == null) return [];
  const parts = typeof raw === 'string' ? raw.split(/[\s,]+/) : raw.flatMap((item) => item.split(/[\s,]+/));
  const ids = parts.map((part) => normalizeMessageId(part)).filter((id): id is string => id !== null);
  return [...new Set(ids)];
}
