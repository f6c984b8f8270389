import { DateTime } from 'luxon';
import type { BusinessCalendar } from '@inbox-crm/shared';

const MINUTE_MS = 60_000;
/** How far ahead a deadline is looked for: past this, a calendar is as good as closed. */
const HORIZON_DAYS = 3 * 366;

interface Span {
  start: number;
  end: number;
}

/** The instant a wall-clock time ("09:30", or "24:00" for the day's end) falls on that local day. */
function at(day: DateTime, clock: string): number {
  if (clock === '24:00') return day.plus({ days: 1 }).startOf('day').toMillis();
  const [hour, minute] = clock.split(':').map(Number);
  return day.set({ hour, minute }).toMillis();
}

/** The calendar's working spans (epoch ms) on one local date, in order; none on a holiday. */
function workingSpans(calendar: BusinessCalendar, day: DateTime): Span[] {
  if (calendar.holidays.includes(day.toISODate()!)) return [];
  return (
    calendar.periods
      .filter((period) => period.day === day.weekday)
      // By the wall clock, so a period on a daylight-saving day is as long as the clocks on the wall say.
      .map((period) => ({ start: at(day, period.start), end: at(day, period.end) }))
      .filter((span) => span.end > span.start)
      .sort((a, b) => a.start - b.start)
  );
}

/** Each local day from the one holding `from`, as the start of that day in the calendar's zone. */
function* daysFrom(calendar: BusinessCalendar, from: Date): Generator<DateTime> {
  let day = DateTime.fromJSDate(from, { zone: calendar.timeZone }).startOf('day');
  for (let count = 0; count < HORIZON_DAYS; count += 1) {
    yield day;
    day = day.plus({ days: 1 }).startOf('day');
  }
}

/** Working minutes between two instants (0 when `to` is not after `from`); overlapping periods count once. */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const end = to.getTime();
  let counted = 0;
  let reached = from.getTime();
  for (const day of daysFrom(calendar, from)) {
    if (day.toMillis() >= end) break;
    for (const span of workingSpans(calendar, day)) {
      const start = Math.max(span.start, reached);
      const stop = Math.min(span.end, end);
      if (stop > start) {
        counted += stop - start;
        reached = stop;
      }
    }
  }
  return counted / MINUTE_MS;
}

/** The instant `minutes` working minutes after `from`; null when the calendar has no such time ahead. */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date | null {
  let left = minutes * MINUTE_MS;
  let reached = from.getTime();
  for (const day of daysFrom(calendar, from)) {
    for (const span of workingSpans(calendar, day)) {
      const start = Math.max(span.start, reached);
      if (span.end <= start) continue;
      if (span.end - start >= left) return new Date(start + left);
      left -= span.end - start;
      reached = span.end;
    }
  }
  return null;
}
