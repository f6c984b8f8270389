/** The standard reports, in the order the console offers them. */
export const REPORT_NAMES = [
  'pipeline',
  'forecast',
  'win-rate',
  'activity',
  'going-cold',
  'cases',
  'correspondence',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
