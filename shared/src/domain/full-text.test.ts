import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './full-text-query.js';
import { highlightAll, highlightedSnippet } from './full-text-snippet.js';
import { indexedWords, queryWords } from './full-text-words.js';

const marked = (result: { text: string; highlights: { start: number; length: number }[] }) =>
  result.highlights.map(({ start, length }) => result.text.slice(start, start + length));

describe('indexed words', () => {
  it('when a text has accents, case and punctuation, then it is indexed as plain lower-case words', () => {
    expect(indexedWords('Réunion: Prüfbericht — jane.doe@Example.com')).toEqual([
      'reunion',
      'prufbericht',
      'jane',
      'doe',
      'example',
      'com',
    ]);
  });

  it('when a text holds Japanese, then each run is indexed as overlapping pairs and its last character', () => {
    expect(indexedWords('会議録 abc会議')).toEqual(['会議', '議録', '録', 'abc', '会議', '議']);
  });

  it('when a word is very long, then it is cut to 64 characters in the index and in queries alike', () => {
    const long = 'x'.repeat(100);
    expect(indexedWords(long)[0]).toHaveLength(64);
    expect(queryWords(long)[0]!.word).toHaveLength(64);
  });
});

describe('parsing a query', () => {
  it('when a query has words, a phrase and an exclusion, then each is a clause and the last word is a prefix', () => {
    const { clauses } = parseSearchQuery('liability "notice period" -draft clau');
    expect(clauses).toEqual([
      { words: [{ word: 'liability', prefix: false }], exclude: false },
      {
        words: [
          { word: 'notice', prefix: false },
          { word: 'period', prefix: false },
        ],
        exclude: false,
      },
      { words: [{ word: 'draft', prefix: false }], exclude: true },
      { words: [{ word: 'clau', prefix: true }], exclude: false },
    ]);
  });

  it('when the query ends with a space, a quote or a short word, then no word is a prefix', () => {
    expect(parseSearchQuery('liability ').clauses[0]!.words[0]!.prefix).toBe(false);
    expect(parseSearchQuery('"liability"').clauses[0]!.words[0]!.prefix).toBe(false);
    expect(parseSearchQuery('re li').clauses[1]!.words[0]!.prefix).toBe(false);
  });

  it('when a word holds punctuation, then its parts are a phrase', () => {
    expect(parseSearchQuery('jane@acme.com ').clauses).toEqual([
      {
        words: ['jane', 'acme', 'com'].map((word) => ({ word, prefix: false })),
        exclude: false,
      },
    ]);
  });

  it('when a query is punctuation alone, then it has no clauses', () => {
    expect(parseSearchQuery('?!* -- "" ...').clauses).toEqual([]);
  });

  it('when a query holds Japanese, then it is a phrase of pairs; one character is a prefix', () => {
    expect(parseSearchQuery('議事録 ').clauses[0]!.words).toEqual([
      { word: '議事', prefix: false },
      { word: '事録', prefix: false },
    ]);
    expect(parseSearchQuery('録').clauses[0]!.words).toEqual([{ word: '録', prefix: true }]);
  });

  it('when a query has more than sixteen parts, then the rest are left out', () => {
    const query = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    expect(parseSearchQuery(query).clauses).toHaveLength(16);
  });
});

describe('highlighting', () => {
  it('when the words match with other accents and case, then the original text is marked', () => {
    const { highlight } = parseSearchQuery('reunion prufb');
    expect(marked(highlightAll('Réunion über den Prüfbericht', highlight))).toEqual([
      'Réunion',
      'Prüfbericht',
    ]);
  });

  it('when a word only starts another word, then it is not marked unless it is a prefix', () => {
    const { highlight } = parseSearchQuery('cat ');
    expect(marked(highlightAll('a catalogue and a cat', highlight))).toEqual(['cat']);
  });

  it('when the match is far into a long body, then the snippet is cut around it and says so', () => {
    const body = `${'Filler words here. '.repeat(200)}\n\nThe liability clause\nis capped. ${'More text. '.repeat(100)}`;
    const snippet = highlightedSnippet(body, parseSearchQuery('liability ').highlight);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text).toContain('The liability clause is capped.');
    expect(marked(snippet)).toEqual(['liability']);
  });

  it('when Japanese words match, then the run in the text is marked', () => {
    const { highlight } = parseSearchQuery('議事録 ');
    expect(marked(highlightAll('本日の会議の議事録です', highlight))).toEqual(['議事録']);
  });

  it('when nothing matches in the body, then the snippet is its start', () => {
    const snippet = highlightedSnippet('Hello there', parseSearchQuery('absent ').highlight);
    expect(snippet).toEqual({ text: 'Hello there', highlights: [] });
  });
});
