import { foldForSearch } from './search-text.js';

/** The longest word the full-text index keeps; longer words are cut to this, in the index and in queries alike. */
export const MAX_INDEXED_WORD_LENGTH = 64;

// Scripts written without spaces between words. A run of them is indexed as overlapping pairs of
// characters, so any part of the run is found, as a substring search would find it, by the phrase
// of its pairs; no dictionary of Japanese or Chinese words is needed (nor available in PGlite).
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const HAS_UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The word's first characters (code points, so a character outside the basic plane is never halved). */
function cut(word: string): string {
  if (word.length <= MAX_INDEXED_WORD_LENGTH) return word;
  return [...word].slice(0, MAX_INDEXED_WORD_LENGTH).join('');
}

/** The parts of a folded word: runs of unspaced scripts, and the letters and digits between them. */
function wordParts(word: string): { text: string; unspaced: boolean }[] {
  const parts: { text: string; unspaced: boolean }[] = [];
  let last = 0;
  for (const match of word.matchAll(UNSPACED_RUN)) {
    if (match.index > last) parts.push({ text: word.slice(last, match.index), unspaced: false });
    parts.push({ text: match[0], unspaced: true });
    last = match.index + match[0].length;
  }
  if (last < word.length) parts.push({ text: word.slice(last), unspaced: false });
  return parts;
}

/** Overlapping pairs of a run's characters: `会議録` → `会議`, `議録`. */
function pairs(chars: readonly string[]): string[] {
  return chars.slice(0, -1).map((char, index) => char + chars[index + 1]);
}

/**
 * A text's words as the full-text index holds them, in order (each one position): folded (see
 * foldForSearch), cut to MAX_INDEXED_WORD_LENGTH, and each run of an unspaced script as its pairs
 * followed by its last character alone, so that every character of the run starts some word.
 */
export function indexedWords(text: string): string[] {
  const words: string[] = [];
  const folded = foldForSearch(text);
  // Most mail has no unspaced script at all: its words need no splitting (one test, not one a word).
  const unspaced = HAS_UNSPACED.test(folded);
  for (const word of folded.split(' ')) {
    if (word === '') continue;
    if (!unspaced) {
      words.push(cut(word));
      continue;
    }
    for (const part of wordParts(word)) {
      if (!part.unspaced) {
        words.push(cut(part.text));
        continue;
      }
      const chars = [...part.text];
      // One at a time: a run may be hundreds of thousands long, past what a spread may pass.
      for (const pair of pairs(chars)) words.push(pair);
      words.push(chars[chars.length - 1]!);
    }
  }
  return words;
}

/** A word of a query: matched whole, or as the start of indexed words (`prefix`). */
export interface QueryWord {
  word: string;
  prefix: boolean;
}

/**
 * The words of one query word as the index holds them, to be matched as a phrase (each right after
 * the one before): `e-mail` → `e`, `mail`; `会議録` → `会議`, `議録`; a lone unspaced character is a
 * prefix, since it starts a pair in the index.
 */
export function queryWords(text: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const word of foldForSearch(text).split(' ')) {
    if (word === '') continue;
    for (const part of wordParts(word)) {
      if (!part.unspaced) {
        words.push({ word: cut(part.text), prefix: false });
        continue;
      }
      const chars = [...part.text];
      if (chars.length === 1) words.push({ word: chars[0]!, prefix: true });
      else for (const pair of pairs(chars)) words.push({ word: pair, prefix: false });
    }
  }
  return words;
}
