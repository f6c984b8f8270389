import type { HighlightedText } from '../schemas/activity-search.js';
import type { QueryWord } from './full-text-words.js';

/** How much of a long text is searched for a match to show (the index itself reads further). */
const SCANNED_LENGTH = 20_000;
/** How many places of a text are looked at for each word: enough to mark a snippet, bounded work. */
const OCCURRENCES_PER_WORD = 200;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const MARKS = /\p{M}/gu;

/** One character folded as foldForSearch folds it: a letter or digit plain and lower case, else a space. */
function foldedChar(char: string): string {
  return LETTER_OR_DIGIT.test(char) ? char.normalize('NFKD').replace(MARKS, '').toLowerCase() : ' ';
}

/**
 * The text folded as foldForSearch folds it (punctuation as single spaces aside: each becomes one
 * space here), with, for each folded character, the index of the character it came from. Runs of
 * ASCII, most of most mail, are folded whole.
 */
function foldWithOrigins(text: string): { folded: string; origins: number[] } {
  const parts: string[] = [];
  const origins: number[] = [];
  for (const run of text.matchAll(/[^\u0080-\uffff]+|[\u0080-\uffff]+/g)) {
    const start = run.index;
    if (run[0].charCodeAt(0) < 128) {
      parts.push(run[0].toLowerCase().replace(/[^a-z0-9]/g, ' '));
      for (let i = 0; i < run[0].length; i += 1) origins.push(start + i);
      continue;
    }
    let index = start;
    for (const char of run[0]) {
      const part = foldedChar(char);
      for (let i = 0; i < part.length; i += 1) origins.push(index);
      parts.push(part);
      index += char.length;
    }
  }
  origins.push(text.length);
  return { folded: parts.join(''), origins };
}

const isWordChar = (char: string | undefined) =>
  char !== undefined && LETTER_OR_DIGIT.test(char) && !UNSPACED.test(char);

/** Where each word occurs in the folded text: spaced words at word starts (and ends, unless a prefix). */
function matches(folded: string, words: readonly QueryWord[]): [start: number, end: number][] {
  const found: [number, number][] = [];
  for (const { word, prefix } of words) {
    const unspaced = UNSPACED.test(word);
    let seen = 0;
    for (
      let at = folded.indexOf(word);
      at !== -1 && seen < OCCURRENCES_PER_WORD;
      at = folded.indexOf(word, at + word.length), seen += 1
    ) {
      const end = at + word.length;
      if (!unspaced && (isWordChar(folded[at - 1]) || (!prefix && isWordChar(folded[end])))) continue;
      let wordEnd = end;
      if (prefix && !unspaced) while (isWordChar(folded[wordEnd])) wordEnd += 1;
      found.push([at, wordEnd]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/** Overlapping or touching ranges as one. */
function merged(ranges: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const range of ranges) {
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([...range]);
  }
  return out;
}

/** The ranges of `text` (whitespace already collapsed) where the words match. */
function matchedRanges(text: string, words: readonly QueryWord[]): [number, number][] {
  const { folded, origins } = foldWithOrigins(text);
  return merged(matches(folded, words).map(([start, end]) => [origins[start]!, origins[end]!]));
}

/** The whole of a short text (a subject), with its matches marked. */
export function highlightAll(text: string, words: readonly QueryWord[]): HighlightedText {
  return {
    text,
    highlights: matchedRanges(text, words).map(([start, end]) => ({ start, length: end - start })),
  };
}

/**
 * About `length` characters of a long text on one line, around the first place the words match
 * (from its start when they match nowhere in its first part), with the matches marked and `…`
 * where the text was cut.
 */
export function highlightedSnippet(text: string, words: readonly QueryWord[], length = 220): HighlightedText {
  const line = text.slice(0, SCANNED_LENGTH).replace(/\s+/g, ' ').trim();
  const ranges = matchedRanges(line, words);
  const first = ranges[0]?.[0] ?? 0;
  let from = Math.max(0, first - Math.floor(length / 4));
  if (from > 0) from = line.indexOf(' ', from) + 1 || from;
  let to = Math.min(line.length, from + length);
  if (to < line.length) to = line.lastIndexOf(' ', to) > from ? line.lastIndexOf(' ', to) : to;
  const before = from > 0 ? '…' : '';
  const after = to < line.length ? '…' : '';
  return {
    text: `${before}${line.slice(from, to)}${after}`,
    highlights: ranges
      .filter(([start, end]) => start >= from && end <= to)
      .map(([start, end]) => ({ start: start - from + before.length, length: end - start })),
  };
}
