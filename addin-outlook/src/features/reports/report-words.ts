import type { ReportName, ReportRange } from '@inbox-crm/shared/client';
import { formatDate } from '../../ui/format.js';

export const REPORT_TITLES: Record<ReportName, { title: string; description: string }> = {
  pipeline: {
    title: 'Pipeline',
    description: 'Open deals in each stage, and what they are worth weighted by probability.',
  },
  forecast: {
    title: 'Forecast',
    description: 'Open deals by the month they are expected to close, against what was won.',
  },
  'win-rate': {
    title: 'Win rate',
    description: 'Deals won out of those closed, how long winning takes, and time in each stage.',
  },
  activity: {
    title: 'Activity',
    description: 'Emails filed, calls, meetings and notes, per person and week.',
  },
  'going-cold': {
    title: 'Going cold',
    description: 'Accounts nobody has touched for a while, those with the largest open deals first.',
  },
  cases: {
    title: 'Cases',
    description: 'Cases opened and resolved each week, the open ones by age, and how fast we answer.',
  },
  correspondence: {
    title: 'Correspondence',
    description: 'Email with each account over time, and who on our side writes to them.',
  },
};

const PEOPLE = { organisation: 'Everyone', team: 'Your team', person: 'One person' } as const;

/** "1 Jan 2026 – 3 Dec 2026 · Europe/Berlin · Everyone": what the numbers cover. */
export function rangeLine(range: ReportRange, personName?: string): string {
  const days =
    range.from && range.to
      ? `${formatDate(range.from)} – ${formatDate(range.to)}`
      : range.from
        ? `From ${formatDate(range.from)}`
        : range.to
          ? `Until ${formatDate(range.to)}`
          : 'As of now';
  const who = range.people === 'person' && personName ? personName : PEOPLE[range.people];
  return [days, range.timeZone.replace(/_/g, ' '), who].join(' · ');
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const weekFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Mar 2026" for 2026-03. */
export const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

/** "2 Mar" for the week beginning Monday 2026-03-02. */
export const weekLabel = (week: string) => weekFormat.format(new Date(`${week}T00:00:00Z`));

/** 0.425 → "43%". */
export const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
