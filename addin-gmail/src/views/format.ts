/** How a card shows a day and a moment, in the user's locale and time zone when Google says them. */
export interface CardLocale {
  locale?: string;
  timeZone?: string;
  /** The user's offset from UTC in milliseconds, as Google sends it. */
  offsetMs?: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** Tasks fall due at the end of the working day, in the user's own time. */
const DUE_HOUR = 17;

// Building an Intl.DateTimeFormat costs far more than using one, and a card formats a date per line.
const FORMATTERS_KEPT = 500;
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}\n${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    if (formatters.size >= FORMATTERS_KEPT) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The end of the working day `days` from today, in the user's time, as ISO 8601. */
export function dueInDays(days: number, where: CardLocale, now = new Date()): string {
  const offset = where.offsetMs ?? 0;
  const localMidnight = Math.floor((now.getTime() + offset) / DAY_MS) * DAY_MS;
  return new Date(localMidnight + days * DAY_MS + DUE_HOUR * 3600 * 1000 - offset).toISOString();
}

export function formatDay(iso: string, where: CardLocale): string {
  return dateTimeFormat(where.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: where.timeZone,
  }).format(new Date(iso));
}

/** A calendar date (2026-12-03, a close date) as the same day wherever the user is. */
export function formatDate(date: string, where: CardLocale): string {
  return dateTimeFormat(where.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

export function formatMoment(iso: string, where: CardLocale): string {
  return dateTimeFormat(where.locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: where.timeZone,
  }).format(new Date(iso));
}

/** 8 Dec, 14:00 – 14:45 in the user's zone (the whole end when it falls on another day). */
export function formatSpan(startIso: string, endIso: string, where: CardLocale): string {
  return dateTimeFormat(where.locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: where.timeZone,
  }).formatRange(new Date(startIso), new Date(endIso));
}

/** The parts that are there, joined as one line: "Proposal · €1,200.00 · closes 3 Dec 2026". */
export const joinParts = (...parts: (string | null | undefined | false)[]) =>
  parts.filter(Boolean).join(' · ');
