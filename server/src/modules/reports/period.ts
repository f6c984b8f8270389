import { DateTime } from 'luxon';
import { ValidationFailed } from '../../errors.js';

/** The days a report counts, in its time zone: `start` is the first day's midnight, `end` the midnight after the last. */
export interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
  timeZone: string;
}

const endsBeforeItBegins = () =>
  new ValidationFailed('The period ends before it begins: choose a "to" on or after "from".', [
    { in: 'querystring', field: 'to' },
  ]);

/** Days that bound a picture of now (e.g. the open pipeline's close dates): either, both or neither. */
export function optionalDays(query: { from?: string; to?: string }): {
  from: string | null;
  to: string | null;
} {
  if (query.from && query.to && query.to < query.from) throw endsBeforeItBegins();
  return { from: query.from ?? null, to: query.to ?? null };
}

/** The longest period a report covers: five years of months, 260 weeks. */
const MAX_DAYS = 5 * 366;

/**
 * The period asked for (`from`/`to`, days in `timeZone`), or the default around today, which
 * `defaults` draws from today's date in that zone.
 */
export function periodOf(
  query: { from?: string; to?: string },
  timeZone: string,
  defaults: (today: DateTime) => { from: DateTime; to: DateTime },
): Period {
  const today = DateTime.now().setZone(timeZone).startOf('day');
  const fallback = defaults(today);
  const from = query.from ? DateTime.fromISO(query.from, { zone: timeZone }) : fallback.from;
  const to = query.to ? DateTime.fromISO(query.to, { zone: timeZone }) : fallback.to;
  if (to < from) throw endsBeforeItBegins();
  if (to.diff(from, 'days').days > MAX_DAYS) {
    throw new ValidationFailed('A report covers at most five years; choose a shorter period.', [
      { in: 'querystring', field: 'from' },
    ]);
  }
  return {
    from: from.toISODate()!,
    to: to.toISODate()!,
    start: from.startOf('day').toJSDate(),
    end: to.plus({ days: 1 }).startOf('day').toJSDate(),
    timeZone,
  };
}

/** The Mondays of the weeks the period touches, as dates. */
export function weeksOf(period: Period): string[] {
  return stepsOf(period, 'week', (day) => day.toISODate()!);
}

/** The months the period touches, as YYYY-MM. */
export function monthsOf(period: Period): string[] {
  return stepsOf(period, 'month', (day) => day.toFormat('yyyy-MM'));
}

function stepsOf(period: Period, unit: 'week' | 'month', label: (day: DateTime) => string): string[] {
  const last = DateTime.fromISO(period.to, { zone: period.timeZone });
  const labels: string[] = [];
  for (let day = DateTime.fromISO(period.from, { zone: period.timeZone }).startOf(unit); day <= last;) {
    labels.push(label(day));
    day = day.plus({ [unit]: 1 });
  }
  return labels;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * Whether every week or month of the period begins (and the period ends) on a quarter hour, as
 * they do in every zone in use today: then counts kept per quarter hour add up into them exactly.
 */
export function onQuarterHours(period: Period, unit: 'week' | 'month'): boolean {
  const first = DateTime.fromISO(period.from, { zone: period.timeZone });
  const bounds = [period.start, period.end];
  for (
    let day = first.startOf(unit).plus({ [unit]: 1 });
    day.toJSDate() < period.end;
    day = day.plus({ [unit]: 1 })
  ) {
    bounds.push(day.toJSDate());
  }
  return bounds.every((bound) => bound.getTime() % QUARTER_HOUR_MS === 0);
}

/** The period widened to whole months: from the first day of its first month to the last of its last. */
export function wholeMonths(period: Period): Period {
  const from = DateTime.fromISO(period.from, { zone: period.timeZone }).startOf('month');
  const to = DateTime.fromISO(period.to, { zone: period.timeZone }).endOf('month').startOf('day');
  return {
    from: from.toISODate()!,
    to: to.toISODate()!,
    start: from.toJSDate(),
    end: to.plus({ days: 1 }).toJSDate(),
    timeZone: period.timeZone,
  };
}
