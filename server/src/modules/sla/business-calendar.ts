import { DateTime } from 'luxon';
import type { BusinessCalendar } from '@inbox-crm/shared';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far a walk goes: past this, a calendar is as good as closed. */
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

// A day's spans, once per calendar and date: the cases of one request or watch pass share their
// policy's calendar object and walk the same days, and luxon's zone arithmetic is the cost.
const spansByCalendar = new WeakMap<BusinessCalendar, Map<string, Span[]>>();

/** The calendar's working spans (epoch ms) on one local date (year, month, day), in order; none on a holiday. */
function workingSpans(calendar: BusinessCalendar, date: string): Span[] {
  let known = spansByCalendar.get(calendar);
  if (!known) spansByCalendar.set(calendar, (known = new Map<string, Span[]>()));
  let spans = known.get(date);
  if (spans) return spans;
  const day = DateTime.fromISO(date, { zone: calendar.timeZone }).startOf('day');
  spans = calendar.holidays.includes(date)
    ? []
    : calendar.periods
        .filter((period) => period.day === day.weekday)
        // By the wall clock, so a period on a daylight-saving day is as long as the clocks on the wall say.
        .map((period) => ({ start: at(day, period.start), end: at(day, period.end) }))
        .filter((span) => span.end > span.start)
        .sort((a, b) => a.start - b.start);
  known.set(date, spans);
  return spans;
}

/** Each local date (YYYY-MM-DD) from the one holding `from`, counted on a UTC date without zone work. */
function* datesFrom(calendar: BusinessCalendar, from: Date): Generator<string> {
  const first = DateTime.fromJSDate(from, { zone: calendar.timeZone }).toISODate()!;
  let day = Date.parse(`${first}T00:00:00Z`);
  for (let count = 0; count < HORIZON_DAYS; count += 1) {
    yield new Date(day).toISOString().slice(0, 10);
    day += DAY_MS;
  }
}

/** Working minutes between two instants (0 when `to` is not after `from`); overlapping periods count once. */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const end = to.getTime();
  if (end <= from.getTime()) return 0;
  let counted = 0;
  let reached = from.getTime();
  for (const date of datesFrom(calendar, from)) {
    const spans = workingSpans(calendar, date);
    for (const span of spans) {
      const start = Math.max(span.start, reached);
      const stop = Math.min(span.end, end);
      if (stop > start) {
        counted += stop - start;
        reached = stop;
      }
    }
    // A local day never starts more than 14 hours after its UTC date does.
    if (Date.parse(`${date}T00:00:00Z`) - DAY_MS > end) break;
  }
  return counted / MINUTE_MS;
}

/**
 * The instant `minutes` working minutes after `from`; `{ used }` when `limit` comes first (the
 * working minutes there were until then); null when the calendar has no such time ahead.
 */
export function spendBusinessMinutes(
  calendar: BusinessCalendar,
  from: Date,
  minutes: number,
  limit: Date | null = null,
): Date | { used: number } | null {
  let left = minutes * MINUTE_MS;
  let reached = from.getTime();
  const end = limit?.getTime() ?? Infinity;
  for (const date of datesFrom(calendar, from)) {
    for (const span of workingSpans(calendar, date)) {
      const start = Math.max(span.start, reached);
      const stop = Math.min(span.end, end);
      if (stop <= start) continue;
      if (stop - start >= left) return new Date(start + left);
      left -= stop - start;
      reached = stop;
    }
    if (Date.parse(`${date}T00:00:00Z`) - DAY_MS > end) return { used: minutes - left / MINUTE_MS };
  }
  return limit ? { used: minutes - left / MINUTE_MS } : null;
}

/** The instant `minutes` working minutes after `from`; null when the calendar has no such time ahead. */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date | null {
  const spent = spendBusinessMinutes(calendar, from, minutes);
  return spent instanceof Date ? spent : null;
}
