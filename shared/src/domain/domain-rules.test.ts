import { describe, expect, it } from 'vitest';
import { isOwnAddress, neverFileEntryFor } from './counterpart.js';
import { emailDomain, isEmailAddress, normalizeEmail } from './email-address.js';
import { isFreeMailDomain } from './free-mail-domains.js';
import { normalizeMessageId, parseReferences } from './message-id.js';
import { toE164 } from './phone-number.js';
import { registrableDomain } from './registrable-domain.js';
import { foldForSearch, searchTerms } from './search-text.js';

describe('addresses', () => {
  it('normalizes case and space, and tells addresses from text', () => {
    expect(normalizeEmail('  Jane.Doe@ACME.co.UK ')).toBe('jane.doe@acme.co.uk');
    expect(isEmailAddress('jane@acme.co.uk')).toBe(true);
    expect(isEmailAddress('Jane Doe <jane@acme.co.uk>')).toBe(false);
    expect(isEmailAddress('jane@localhost')).toBe(false);
    expect(emailDomain('Jane@Mail.Acme.com')).toBe('mail.acme.com');
  });
});

describe('registrable domains', () => {
  it('cuts sub-domains by the public-suffix list', () => {
    expect(registrableDomain('mail.acme.co.uk')).toBe('acme.co.uk');
    expect(registrableDomain('eu.mail.acme.com')).toBe('acme.com');
    expect(registrableDomain('https://www.Acme.com.au/contact')).toBe('acme.com.au');
    expect(registrableDomain('co.uk')).toBeNull();
    expect(registrableDomain('')).toBeNull();
  });

  it('knows free-mail providers, including an organisation’s additions', () => {
    expect(isFreeMailDomain('gmail.com')).toBe(true);
    expect(isFreeMailDomain('GMAIL.COM')).toBe(true);
    expect(isFreeMailDomain('acme.com')).toBe(false);
    expect(isFreeMailDomain('mail.local-isp.example', ['local-isp.example'])).toBe(true);
  });

  it('recognises own addresses and never-file entries by address or domain', () => {
    expect(isOwnAddress('me@sales.ourco.com', ['ourco.com'])).toBe(true);
    expect(isOwnAddress('me@ourco.com.evil.example', ['ourco.com'])).toBe(false);
    expect(neverFileEntryFor('CEO@acme.com', ['ceo@acme.com'])).toBe('ceo@acme.com');
    expect(neverFileEntryFor('x@hr.acme.com', ['acme.com'])).toBe('acme.com');
    expect(neverFileEntryFor('x@notacme.com', ['acme.com'])).toBeNull();
  });
});

describe('phone numbers', () => {
  it('stores numbers in E.164, reading national notation by the default country', () => {
    expect(toE164('+1 (415) 555-2671', 'US')).toBe('+14155552671');
    expect(toE164('020 7183 8750', 'GB')).toBe('+442071838750');
    expect(toE164('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(toE164('12', 'US')).toBeNull();
    expect(toE164('call me', 'US')).toBeNull();
  });
});

describe('message identity', () => {
  it('strips angle brackets and keeps the case of a Message-ID', () => {
    expect(normalizeMessageId(' <AbC.123@Mail.Example> ')).toBe('AbC.123@Mail.Example');
    expect(normalizeMessageId('<>')).toBeNull();
    expect(normalizeMessageId(undefined)).toBeNull();
    expect(normalizeMessageId('<<a@x>>')).toBe('a@x');
  });

  it('when a header is a long run of angle brackets, then it is read (a backtracking strip would take minutes)', () => {
    const hostile = `${'>'.repeat(200_000)}x`;
    expect(normalizeMessageId(hostile)).toBe(hostile);
    expect(normalizeMessageId(`<${'<'.repeat(200_000)}a@x${'>'.repeat(200_000)}`)).toBe('a@x');
  });

  it('reads a References header into ids in order without repeats', () => {
    expect(parseReferences('<a@x> <b@x>\r\n <a@x>')).toEqual(['a@x', 'b@x']);
    expect(parseReferences(['<c@x>', 'd@x'])).toEqual(['c@x', 'd@x']);
  });
});

describe('search text', () => {
  it('folds accents, case and punctuation so queries match either way', () => {
    expect(foldForSearch('Société Générale — Crêpes & Co.')).toBe('societe generale crepes co');
    expect(searchTerms('  Renée  MÜLLER ')).toEqual(['renee', 'muller']);
    expect(searchTerms('&|!():*')).toEqual([]);
  });
});
