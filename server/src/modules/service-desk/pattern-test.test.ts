import { describe, expect, it } from 'vitest';
import { boundedPatternTest, messagePatternTest } from './pattern-test.js';

describe('patterns under a time limit', () => {
  it('match and miss without regard to case', () => {
    expect(boundedPatternTest('invoice \\d+', 'About INVOICE 2291')).toBe(true);
    expect(boundedPatternTest('^refund', 'No refund')).toBe(false);
  });

  it('when a pattern backtracks without end, then it is stopped at the limit', () => {
    expect(boundedPatternTest('^(a+)+$', `${'a'.repeat(40)}b`)).toBe('timed_out');
    expect(boundedPatternTest('^(a+)+$', 'aaaa')).toBe(true);
  });

  it('when a message meets many slow patterns, then those past its budget are not run', () => {
    const test = messagePatternTest(150);
    const slow = `${'a'.repeat(40)}b`;
    expect(test('^(a+)+$', slow)).toBe('timed_out');
    expect(test('^(a+)+$', slow)).toBe('timed_out');
    // The budget is spent: even a quick pattern is not run for this message.
    expect(test('b$', slow)).toBe('timed_out');
    expect(messagePatternTest()('b$', slow)).toBe(true);
  });
});
