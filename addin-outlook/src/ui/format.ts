export { formatMoney } from '@inbox-crm/shared/client';

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const momentFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** 12 Dec 2026 */
export const formatDay = (iso: string) => dayFormat.format(new Date(iso));

/** 12 Dec, 14:05 */
export const formatMoment = (iso: string) => momentFormat.format(new Date(iso));

/** The parts that are there, joined as one muted line: "Proposal · €1,200.00 · closes 3 Dec 2026". */
export const metaLine = (...parts: (string | null | undefined | false)[]) =>
  parts.filter(Boolean).join(' · ');
