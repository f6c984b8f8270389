import { onLocalDay } from '../../ui/local-days.js';

/** The follow-up choices a user picks from most: a day away, three, a week. */
export const DUE_PRESETS = [
  { label: 'Tomorrow', days: 1 },
  { label: 'In 3 days', days: 3 },
  { label: 'In a week', days: 7 },
] as const;

/** Tasks fall due at the end of the working day, in the user's own time zone. */
const DUE_HOUR = 17;

const pad = (value: number) => String(value).padStart(2, '0');

/** The local calendar day `days` after `from`, as YYYY-MM-DD (what a date input holds). */
export function dayAfter(from: Date, days: number): string {
  const day = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** When a task due on a local calendar day (YYYY-MM-DD) falls due, as ISO 8601; null for no day. */
export function dueAtFor(day: string): string | null {
  return onLocalDay(day, { hour: DUE_HOUR })?.toISOString() ?? null;
}
