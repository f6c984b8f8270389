import { describe, expect, it } from 'vitest';
import { boundedPatternTest } from './pattern-test.js';

describe('patterns under a time limit', () => {
  it('match and miss without regard to case', () => {
    expect(boundedPatternTest('invoice \\d+', 'About INVOICE 2291')).toBe(true);
    expect(boundedPatternTest('^refund', 'No refund')).toBe(false);
  });

  it('when a pattern backtracks without end, then it is stopped at the limit', () => {
    expect(boundedPatternTest('^(a+)+$', `${'a'.repeat(40)}b`)).toBe('timed_out');
    expect(boundedPatternTest('^(a+)+$', 'aaaa')).toBe(true);
  });
});
