import { describe, expect, it } from 'vitest';
import { answerSubject, caseNumberInSubject, withCaseReference } from './case-reference.js';

describe('case references in subjects', () => {
  it('when a subject quotes a case number, then it is read, whatever surrounds it', () => {
    expect(caseNumberInSubject('Re: Printer on fire [#1234]')).toBe(1234);
    expect(caseNumberInSubject('AW: [#7] Rechnung')).toBe(7);
    expect(caseNumberInSubject('Order #1234 is late')).toBeNull();
    expect(caseNumberInSubject('[#] nothing')).toBeNull();
  });

  it('when a reference is added, then it is added once', () => {
    expect(withCaseReference('Printer on fire', 12)).toBe('Printer on fire [#12]');
    expect(withCaseReference('Re: Printer on fire [#12]', 12)).toBe('Re: Printer on fire [#12]');
    expect(withCaseReference('', 12)).toBe('[#12]');
  });

  it('when an agent answers, then the subject says Re: once and carries the reference once', () => {
    expect(answerSubject('Printer on fire', 12)).toBe('Re: Printer on fire [#12]');
    expect(answerSubject('RE: [#12] Printer on fire', 12)).toBe('RE: [#12] Printer on fire');
    expect(answerSubject('  ', 3)).toBe('Re: (no subject) [#3]');
  });
});
