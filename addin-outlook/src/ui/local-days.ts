/**
 * A moment on a local calendar day written YYYY-MM-DD (what a date input holds): `hour` o'clock,
 * `days` later; null when the text is no such day.
 */
export function onLocalDay(day: string, { hour = 0, days = 0 } = {}): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [, year, month, date] = match.map(Number) as [number, number, number, number];
  return new Date(year, month - 1, date + days, hour);
}
