import { describe, expect, it } from 'vitest';
import { personTerms, redactText, termsPattern } from './redaction.js';

describe('redaction of a person’s words', () => {
  const pattern = termsPattern(
    personTerms({
      addresses: ['jane.doe+crm@acme.example'],
      names: ['Jane Doe', 'Doe, Jane'],
      phones: ['+442079460001'],
    }),
  );

  it('replaces their address, names and phone as whole words, whatever the case', () => {
    expect(
      redactText(
        'From JANE DOE <Jane.Doe+crm@acme.example>; call +442079460001. Regards, Jane (Doe, Jane)',
        pattern,
      ),
    ).toBe('From [erased] <[erased]>; call [erased]. Regards, [erased] ([erased])');
  });

  it('leaves words that only contain a name, and other people’s addresses', () => {
    expect(redactText('Janet Doerr wrote to jane.doe@other.example', pattern)).toBe(
      'Janet Doerr wrote to jane.doe@other.example',
    );
  });

  it('keeps regular-expression characters in names literal', () => {
    const odd = termsPattern(personTerms({ addresses: [], names: ['A.J. (Al) Smith'] }));
    expect(redactText('Ask A.J. (Al) Smith or AxJx', odd)).toBe('Ask [erased] or AxJx');
  });
});
