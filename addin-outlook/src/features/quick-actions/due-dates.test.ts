import { describe, expect, it } from 'vitest';
import { dayAfter, dueAtFor } from './due-dates.js';

describe('follow-up dates', () => {
  it('when "in 3 days" is picked late in a month, then the day rolls into the next month', () => {
    expect(dayAfter(new Date(2026, 10, 29, 23, 30), 3)).toBe('2026-12-02');
  });

  it('when a day is picked, then the task falls due at 17:00 local time that day', () => {
    const due = new Date(dueAtFor('2026-12-02')!);
    expect([due.getFullYear(), due.getMonth(), due.getDate(), due.getHours()]).toEqual([2026, 11, 2, 17]);
  });

  it('when the date field is empty or malformed, then there is no due time', () => {
    expect(dueAtFor('')).toBeNull();
    expect(dueAtFor('02/12/2026')).toBeNull();
  });
});
