/** What an erased person's words become in text that stays (an email others were on, a note). */
export const ERASED_TEXT = '[erased]';
/** What an erased person's address becomes among an email's participants. */
export const ERASED_ADDRESS = 'erased@erased.invalid';

const SHORTEST_TERM = 2;

// Terms are matched as whole words: not inside a longer word or inside an address (jane.doe@…
// is someone else's address, not two names). Only ASCII letters and digits count as word
// characters, so the same pattern holds in PostgreSQL (any locale) and here; a full stop ends a
// word unless more of the word follows it.
const BEFORE = '(?<![A-Za-z0-9_.@+-])';
const AFTER = '(?![A-Za-z0-9_@+-]|[.][A-Za-z0-9])';

const escaped = (term: string) => term.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/**
 * The words that name a person: their addresses, their names as written and each part of a
 * name, their phone numbers; longest first, so "Jane Doe" goes before "Jane".
 */
export function personTerms(person: {
  addresses: readonly string[];
  names: readonly (string | null)[];
  phones?: readonly string[];
}): string[] {
  const terms = new Set<string>();
  const add = (term: string) => {
    const clean = term.trim().replace(/\s+/g, ' ');
    if (clean.length >= SHORTEST_TERM) terms.add(clean.toLowerCase());
  };
  person.addresses.forEach(add);
  (person.phones ?? []).forEach(add);
  for (const name of person.names) {
    if (!name) continue;
    add(name);
    name.split(/[\s,]+/).forEach(add);
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

/** One pattern matching any term as a whole word; used case-insensitively, here and in SQL. */
export function termsPattern(terms: readonly string[]): string | null {
  if (terms.length === 0) return null;
  return `${BEFORE}(?:${terms.map(escaped).join('|')})${AFTER}`;
}

/** The text with every term replaced, as SQL's regexp_replace(text, pattern, ERASED_TEXT, 'gi') does. */
export function redactText(text: string, pattern: string | null): string {
  return pattern === null ? text : text.replace(new RegExp(pattern, 'gi'), ERASED_TEXT);
}
