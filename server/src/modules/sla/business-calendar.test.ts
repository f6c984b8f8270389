import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '@inbox-crm/shared';
import { addBusinessMinutes, businessMinutesBetween } from './business-calendar.js';

// Weekdays 09:00–12:00 and 13:00–17:00 in Berlin (a lunch break), Christmas Day a holiday.
const office: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  periods: [1, 2, 3, 4, 5].flatMap((day) => [
    { day, start: '09:00', end: '12:00' },
    { day, start: '13:00', end: '17:00' },
  ]),
  holidays: ['2026-12-25'],
};

const berlin = (local: string) => new Date(`${local}+01:00`);

describe('business time', () => {
  it('when a case comes in on Friday afternoon, then its four working hours run on into Monday, past the weekend', () => {
    // Friday 4 Dec 2026, 16:00: one hour on Friday, three on Monday morning.
    expect(addBusinessMinutes(office, berlin('2026-12-04T16:00:00'), 240)).toEqual(
      berlin('2026-12-07T12:00:00'),
    );
    expect(businessMinutesBetween(office, berlin('2026-12-04T16:00:00'), berlin('2026-12-07T12:00:00'))).toBe(
      240,
    );
  });

  it('when the deadline would fall on a holiday, then the holiday is skipped, and the lunch break never counts', () => {
    // Thursday 24 Dec, 16:30: half an hour that day; Friday 25 is Christmas; then Monday 28 from
    // 09:00, three hours to lunch and the last half hour after it.
    expect(addBusinessMinutes(office, berlin('2026-12-24T16:30:00'), 240)).toEqual(
      berlin('2026-12-28T13:30:00'),
    );
    expect(businessMinutesBetween(office, berlin('2026-12-28T11:00:00'), berlin('2026-12-28T14:00:00'))).toBe(
      120,
    );
  });

  it('when a case comes in out of hours, then its clock starts when work does', () => {
    expect(addBusinessMinutes(office, berlin('2026-12-05T10:00:00'), 30)).toEqual(
      berlin('2026-12-07T09:30:00'),
    );
    expect(businessMinutesBetween(office, berlin('2026-12-05T10:00:00'), berlin('2026-12-06T23:00:00'))).toBe(
      0,
    );
  });

  it('when the clocks go forward, then a working day is still its hours on the wall clock', () => {
    // Sunday 29 March 2026: Europe/Berlin goes from 02:00 to 03:00. A 24-hour calendar day is 23 hours long.
    const always: BusinessCalendar = {
      timeZone: 'Europe/Berlin',
      periods: [7].map((day) => ({ day, start: '00:00', end: '24:00' })),
      holidays: [],
    };
    expect(
      businessMinutesBetween(always, new Date('2026-03-28T23:00:00Z'), new Date('2026-03-29T22:00:00Z')),
    ).toBe(23 * 60);
    const mornings: BusinessCalendar = { ...office, periods: [{ day: 1, start: '09:00', end: '10:00' }] };
    // Monday 30 March 09:00 in Berlin is 07:00 UTC (summer time).
    expect(addBusinessMinutes(mornings, new Date('2026-03-27T12:00:00Z'), 0)).toEqual(
      new Date('2026-03-30T07:00:00Z'),
    );
  });

  it('when a calendar has no working time ahead, then there is no deadline', () => {
    const never: BusinessCalendar = { ...office, periods: [{ day: 1, start: '09:00', end: '09:00' }] };
    expect(addBusinessMinutes(never, berlin('2026-12-04T16:00:00'), 60)).toBeNull();
  });
});
