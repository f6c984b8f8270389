import { describe, expect, it } from 'vitest';
import { closePattern, redactJson, redactText, unbounded, widePattern } from './redaction.js';

const jane = {
  addresses: ['jane.doe+crm@acme.example'],
  names: ['Jane Doe', '"Doe, Jane"', 'Jane'],
  nameParts: ['Jane', 'Doe'],
  phones: ['+442079460001'],
};

describe('redaction of a person’s words', () => {
  it('replaces their address, names and phone (however it is written) as whole words, whatever the case', () => {
    expect(
      redactText(
        'From JANE DOE <Jane.Doe+crm@acme.example>; call +44 20 7946 0001 or 020 7946 0001. Regards, Jane (Doe, Jane)',
        closePattern(jane),
      ),
    ).toBe('From [erased] <[erased]>; call [erased] or [erased]. Regards, [erased] ([erased])');
  });

  it('leaves words that only contain a name, and other people’s addresses', () => {
    expect(redactText('Janet Doerr wrote to jane.doe@other.example', closePattern(jane))).toBe(
      'Janet Doerr wrote to jane.doe@other.example',
    );
  });

  it('keeps a first name alone where nothing says it is them: the wide pattern takes only what names them alone', () => {
    expect(redactText('Jane will call Jane Doe about Acme', widePattern(jane))).toBe(
      'Jane will call [erased] about Acme',
    );
  });

  it('keeps regular-expression characters in names literal', () => {
    const odd = closePattern({ addresses: [], names: ['A.J. (Al) Smith'], nameParts: [], phones: [] });
    expect(redactText('Ask A.J. (Al) Smith or AxJx', odd)).toBe('Ask [erased] or AxJx');
  });

  it('redacts the strings of JSON, never its keys or its syntax, a name after a line break included', () => {
    const pattern = closePattern(jane);
    expect(
      redactJson({ Jane: 'Hi\nJane Doe', list: ['jane', 3, null], note: 'a "quoted" \\ Doe' }, pattern),
    ).toEqual({ Jane: 'Hi\n[erased]', list: ['[erased]', 3, null], note: 'a "quoted" \\ [erased]' });
    expect(new RegExp(unbounded(pattern), 'i').test(JSON.stringify('Hi\nJane'))).toBe(true);
  });

  it('matches nothing for a person with no words', () => {
    const nothing = closePattern({ addresses: [], names: ['J'], nameParts: ['J'], phones: [] });
    expect(redactText('J and Jane', nothing)).toBe('J and Jane');
  });
});
