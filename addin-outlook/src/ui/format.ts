export { formatMoney } from '@inbox-crm/shared/client';

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const momentFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

const dateOnlyFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 12 Dec 2026, the local day of a moment. */
export const formatDay = (iso: string) => dayFormat.format(new Date(iso));

/** 12 Dec 2026 for a calendar date (2026-12-12) such as a close date: the same day in every zone. */
export const formatDate = (date: string) => dateOnlyFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));

/** 12 Dec, 14:05 */
export const formatMoment = (iso: string) => momentFormat.format(new Date(iso));

/** 12 Dec, 14:05 – 15:00 (or the whole second moment when it falls on another day) */
export const formatSpan = (startIso: string, endIso: string) =>
  momentFormat.formatRange(new Date(startIso), new Date(endIso));

/** The parts that are there, joined as one muted line: "Proposal · €1,200.00 · closes 3 Dec 2026". */
export const metaLine = (...parts: (string | null | undefined | false)[]) =>
  parts.filter(Boolean).join(' · ');
