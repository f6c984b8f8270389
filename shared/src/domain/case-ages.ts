import type { CaseAgeBucket } from '../schemas/reports.js';

/**
 * How long an open case has been open, in whole days of the report's time zone between the day
 * it was opened and today: each bucket's first and last day (none for the oldest).
 */
export const CASE_AGE_DAYS: Record<CaseAgeBucket, { min: number; max: number | null }> = {
  day: { min: 0, max: 0 },
  week: { min: 1, max: 7 },
  month: { min: 8, max: 30 },
  quarter: { min: 31, max: 90 },
  older: { min: 91, max: null },
};

const dayBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** The days the cases of an age bucket were opened on, counted back from `today` (YYYY-MM-DD). */
export function openedDaysOf(age: CaseAgeBucket, today: string): { from: string | null; to: string } {
  const { min, max } = CASE_AGE_DAYS[age];
  return { from: max === null ? null : dayBefore(today, max), to: dayBefore(today, min) };
}
