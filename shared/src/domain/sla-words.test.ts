import { describe, expect, it } from 'vitest';
import { slaClockWords, spanWords } from './sla-words.js';

const now = new Date('2026-12-07T10:00:00Z');

describe('service level clocks in words', () => {
  it('spans read at a glance', () => {
    expect(spanWords(45 * 60_000)).toBe('45 min');
    expect(spanWords(200 * 60_000)).toBe('3 h 20 min');
    expect(spanWords(120 * 60_000)).toBe('2 h');
    expect(spanWords(3 * 24 * 3_600_000)).toBe('3 days');
    expect(spanWords(5_000)).toBe('1 min');
  });

  it('each state says what it means', () => {
    const clock = (state: 'running' | 'overdue' | 'paused' | 'met', dueAt: string | null) => ({
      kind: 'first_response' as const,
      state,
      dueAt,
      stoppedAt: null,
    });
    expect(slaClockWords(clock('running', '2026-12-07T10:45:00Z'), now)).toBe('First answer due in 45 min');
    expect(slaClockWords(clock('overdue', '2026-12-07T08:00:00Z'), now)).toBe('First answer overdue by 2 h');
    expect(slaClockWords(clock('paused', null), now)).toBe('First answer paused: waiting on the customer');
    expect(slaClockWords({ ...clock('met', '2026-12-07T08:00:00Z'), kind: 'resolution' }, now)).toBe(
      'Resolution met',
    );
  });
});
