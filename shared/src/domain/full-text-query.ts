import { queryWords, type QueryWord } from './full-text-words.js';

/** A query's parts beyond this many are left out (each one narrows, so the answer only widens). */
export const MAX_QUERY_CLAUSES = 16;
/** A phrase's words beyond this many are left out. */
export const MAX_PHRASE_WORDS = 16;
/** The last word of a query matches as a prefix only from this many characters on: `li` would match thousands of words. */
export const MIN_PREFIX_LENGTH = 3;

/** One part of a query: a word, or several that must follow one another (a phrase); or one to leave out. */
export interface SearchClause {
  words: QueryWord[];
  exclude: boolean;
}

/** A query as the full-text search reads it: every clause must hold. */
export interface ParsedSearch {
  clauses: SearchClause[];
  /** The words to show as matches in a snippet: those of the clauses not excluded, each once. */
  highlight: QueryWord[];
}

interface RawClause {
  text: string;
  exclude: boolean;
  quoted: boolean;
}

// `"a phrase"` (a missing closing quote runs to the end), or a word; either may start with `-`.
const CLAUSE = /(-?)(?:"([^"]*)"?|([^\s"]+))/g;

function rawClauses(query: string): RawClause[] {
  return [...query.matchAll(CLAUSE)].map((match) => ({
    exclude: match[1] === '-',
    quoted: match[2] !== undefined,
    text: match[2] ?? match[3] ?? '',
  }));
}

/** The last word typed is probably unfinished: it matches as a prefix, unless quoted or followed by a space. */
function withPrefixOnLast(clauses: SearchClause[], raw: RawClause[], query: string): void {
  const last = clauses[clauses.length - 1];
  const lastRaw = raw[raw.length - 1];
  if (!last || !lastRaw || last.exclude || lastRaw.quoted || /\s$/.test(query)) return;
  const lastWord = last.words[last.words.length - 1]!;
  if ([...lastWord.word].length >= MIN_PREFIX_LENGTH) lastWord.prefix = true;
}

function finished(clauses: SearchClause[]): ParsedSearch {
  const highlight = new Map<string, QueryWord>();
  for (const clause of clauses) {
    if (clause.exclude) continue;
    for (const word of clause.words) {
      // A word wanted both whole and as a prefix is marked as a prefix (that covers both).
      if (!highlight.get(word.word)?.prefix) highlight.set(word.word, word);
    }
  }
  return { clauses, highlight: [...highlight.values()] };
}

/**
 * Reads a search query: words (all must match, accents and case aside), `"phrases"`, `-word` or
 * `-"phrase"` to leave out, and the last word as a prefix. Punctuation separates words, so an
 * address or a hyphenated word is a phrase of its parts. A query of punctuation alone has no clauses.
 */
export function parseSearchQuery(query: string): ParsedSearch {
  const raw = rawClauses(query);
  const clauses: SearchClause[] = [];
  const kept: RawClause[] = [];
  for (const clause of raw) {
    const words = queryWords(clause.text).slice(0, MAX_PHRASE_WORDS);
    if (words.length === 0) continue;
    if (clauses.length === MAX_QUERY_CLAUSES) return finished(clauses);
    clauses.push({ words, exclude: clause.exclude });
    kept.push(clause);
  }
  withPrefixOnLast(clauses, kept, query);
  return finished(clauses);
}
