/** How a card shows a day and a moment, in the user's locale and time zone when Google says them. */
export interface CardLocale {
  locale?: string;
  timeZone?: string;
}

export function formatDay(iso: string, where: CardLocale): string {
  return new Intl.DateTimeFormat(where.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: where.timeZone,
  }).format(new Date(iso));
}

export function formatMoment(iso: string, where: CardLocale): string {
  return new Intl.DateTimeFormat(where.locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: where.timeZone,
  }).format(new Date(iso));
}

/** The parts that are there, joined as one line: "Proposal · €1,200.00 · closes 3 Dec 2026". */
export const joinParts = (...parts: (string | null | undefined | false)[]) =>
  parts.filter(Boolean).join(' · ');
