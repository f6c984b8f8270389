import { describe, expect, it } from 'vitest';
import { accountNameFromDomain, nameFromDisplayName } from './contact-prefill.js';

describe('a new contact prefilled from the message', () => {
  it.each([
    ['Priya Raman', 'x@y.example', { firstName: 'Priya', lastName: 'Raman' }],
    ['Raman, Priya', 'x@y.example', { firstName: 'Priya', lastName: 'Raman' }],
    ['"Mary Ann Evans"', 'x@y.example', { firstName: 'Mary Ann', lastName: 'Evans' }],
    ['Cher', 'x@y.example', { firstName: 'Cher', lastName: '' }],
    [null, 'dana.whitfield@y.example', { firstName: 'Dana', lastName: 'Whitfield' }],
    ['jo_lee@y.example', 'jo_lee@y.example', { firstName: 'Jo', lastName: 'Lee' }],
    [null, 'info2024@y.example', { firstName: 'Info2024', lastName: '' }],
  ])('when the client shows %j for %s, then the name is %j', (shown, address, expected) => {
    expect(nameFromDisplayName(shown, address)).toEqual(expected);
  });

  it('when the domain is a company’s, then the account name starts from its first label', () => {
    expect(accountNameFromDomain('northwind-traders.co.uk')).toBe('Northwind Traders');
    expect(accountNameFromDomain('acme.example')).toBe('Acme');
  });
});
