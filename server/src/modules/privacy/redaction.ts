import { phoneSpellings } from '@inbox-crm/shared';

/** What an erased person's words become in text that stays (an email others were on, a note). */
export const ERASED_TEXT = '[erased]';
/** What an erased person's address becomes among an email's participants. */
export const ERASED_ADDRESS = 'erased@erased.invalid';

/** A pattern no text matches: for a person with no words to look for. */
const NOTHING = '(?!x)x';
const SHORTEST_PART = 2;
const SHORTEST_NAME = 5;
/** Terms past these are not looked for: a real person has a few addresses, names and numbers. */
const MOST_TERMS = 200;
const LONGEST_TERM = 320;

// Terms are matched as whole words: not inside a longer word or inside an address (jane.doe@…
// is someone else's address, not two names). Only ASCII letters and digits count as word
// characters, so the same pattern holds in PostgreSQL (any locale) and here; a full stop ends a
// word unless more of the word follows it.
const BEFORE = '(?<![A-Za-z0-9_.@+-])';
const AFTER = '(?![A-Za-z0-9_@+-]|[.][A-Za-z0-9])';

const escaped = (term: string) => term.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** What names a person: their addresses, whole names (as contacts and mail give them), the parts of their contacts' names, their numbers. */
export interface PersonWords {
  addresses: readonly string[];
  names: readonly (string | null)[];
  nameParts: readonly string[];
  phones: readonly string[];
}

function termsOf(words: readonly string[], shortest: number): string[] {
  const terms = new Set<string>();
  for (const word of words) {
    // Quotes around a name are the mail client's, not the name's.
    const clean = word.replace(/^["'\s]+|["'\s]+$/g, '').replace(/\s+/g, ' ');
    if (clean.length >= shortest && clean.length <= LONGEST_TERM) terms.add(clean.toLowerCase());
  }
  return [...terms];
}

const pattern = (terms: readonly string[]) =>
  terms.length === 0
    ? NOTHING
    : `${BEFORE}(?:${[...terms]
        .sort((a, b) => b.length - a.length)
        .slice(0, MOST_TERMS)
        .map(escaped)
        .join('|')})${AFTER}`;

/**
 * The pattern for what is known to concern the person (their mail, records filed to them): every
 * word that names them, a first name alone included.
 */
export function closePattern(person: PersonWords): string {
  return pattern([
    ...widePatternTerms(person),
    ...termsOf([...person.names.filter(isName), ...person.nameParts], SHORTEST_PART),
  ]);
}

/**
 * The pattern for the rest of the organisation's data: only what names them alone (an address, a
 * number, a name of two words or more); "Jane" elsewhere may be anyone.
 */
export function widePattern(person: PersonWords): string {
  return pattern(widePatternTerms(person));
}

const isName = (name: string | null): name is string => name !== null;

function widePatternTerms(person: PersonWords): string[] {
  const wholeNames = person.names.filter(isName).filter((name) => name.trim().includes(' '));
  return [
    ...termsOf(person.addresses, 3),
    ...termsOf(person.phones.flatMap(phoneSpellings), 6),
    ...termsOf(wholeNames, SHORTEST_NAME),
  ];
}

/** The text with every term replaced, as SQL's regexp_replace(text, pattern, ERASED_TEXT, 'gi') does. */
export function redactText(text: string, termsPattern: string): string {
  return text.replace(new RegExp(termsPattern, 'gi'), ERASED_TEXT);
}

/**
 * For a message or meeting that suppressed people were on: text with their addresses and every part
 * of the names it gives them (a first name alone included) taken out.
 */
export function suppressedPeopleRedactor(
  addresses: readonly string[],
  names: readonly string[],
): (text: string) => string {
  const termsPattern = closePattern({
    addresses: [...addresses],
    names: [...names],
    nameParts: names.flatMap((name) => name.split(/[\s,]+/)),
    phones: [],
  });
  return (text) => redactText(text, termsPattern);
}

/** A JSON value with every string in it redacted (keys left alone). */
export function redactJson(value: unknown, termsPattern: string): unknown {
  if (typeof value === 'string') return redactText(value, termsPattern);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, termsPattern));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactJson(item, termsPattern)]),
    );
  }
  return value;
}

/**
 * The pattern without its word boundaries, to find rows whose JSON text may hold a term: in JSON a
 * line break is `\n`, so a name after one follows the letter n. Each row found is then redacted
 * value by value with the bounded pattern.
 */
export function unbounded(termsPattern: string): string {
  return termsPattern.startsWith(BEFORE) ? termsPattern.slice(BEFORE.length, -AFTER.length) : termsPattern;
}
