import { describe, expect, it } from 'vitest';
import { snippetOf } from './repository.js';

describe('an activity’s snippet', () => {
  it.each([
    [
      'a body of many lines',
      'Hello Priya,\n\n  the quote is\tattached.\n',
      'Hello Priya, the quote is attached.',
    ],
    ['a body that starts with a long run of spaces', `${' \n'.repeat(5_000)}Dear team`, 'Dear team'],
    ['nothing', null, ''],
  ])('when it is made of %s, then it is the start as one line', (_, body, snippet) => {
    expect(snippetOf(body)).toBe(snippet);
  });

  it('when the body is long, then it is its first 200 characters as one line, whatever spaces follow', () => {
    const body = `${'word  '.repeat(40)}${' '.repeat(10_000)}${'tail '.repeat(100_000)}`;
    expect(snippetOf(body)).toBe(body.replace(/\s+/g, ' ').trim().slice(0, 200));
    expect(snippetOf(body)).toHaveLength(200);
  });
});
