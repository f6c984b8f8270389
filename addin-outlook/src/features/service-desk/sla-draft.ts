import {
  PRIORITY_NAMES,
  type CasePriority,
  type SlaPolicy,
  type SlaPolicyCreate,
  type WorkingPeriod,
} from '@inbox-crm/shared/client';

export const PRIORITIES = Object.keys(PRIORITY_NAMES) as CasePriority[];

export const WEEKDAYS = [
  [1, 'Monday'],
  [2, 'Tuesday'],
  [3, 'Wednesday'],
  [4, 'Thursday'],
  [5, 'Friday'],
  [6, 'Saturday'],
  [7, 'Sunday'],
] as const;

/** A policy as the form holds it: working hours per day as "09:00–12:00, 13:00–17:00", targets in hours. */
export interface PolicyDraft {
  name: string;
  timeZone: string;
  hours: Record<number, string>;
  holidays: string;
  targets: Record<CasePriority, { firstResponse: string; resolution: string }>;
  accountIds: string[];
  warnMinutes: string;
}

const hoursText = (periods: readonly WorkingPeriod[], day: number) =>
  periods
    .filter((period) => period.day === day)
    .map((period) => `${period.start}–${period.end}`)
    .join(', ');

const hoursOf = (minutes: number | null) =>
  minutes === null ? '' : String(Math.round((minutes / 60) * 100) / 100);

export function draftOfPolicy(policy: SlaPolicy | undefined, browserZone: string): PolicyDraft {
  const periods =
    policy?.calendar.periods ?? [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));
  return {
    name: policy?.name ?? '',
    timeZone: policy?.calendar.timeZone ?? browserZone,
    hours: Object.fromEntries(WEEKDAYS.map(([day]) => [day, hoursText(periods, day)])),
    holidays: policy?.calendar.holidays.join('\n') ?? '',
    targets: Object.fromEntries(
      PRIORITIES.map((priority) => {
        const target = policy?.targets[priority];
        return [
          priority,
          {
            firstResponse: hoursOf(target?.firstResponseMinutes ?? null),
            resolution: hoursOf(target?.resolutionMinutes ?? null),
          },
        ];
      }),
    ) as PolicyDraft['targets'],
    accountIds: policy?.accountIds ?? [],
    warnMinutes: String(policy?.warnMinutes ?? 60),
  };
}

/** "09:00-12:00, 13:00–17:00" as periods of the day; what cannot be read is left for the server to refuse. */
function periodsOf(day: number, text: string): WorkingPeriod[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split(/\s*[-–]\s*/);
      const padded = (clock: string) => (/^\d:\d\d$/.test(clock) ? `0${clock}` : clock);
      return { day, start: padded(start), end: padded(end) };
    });
}

const minutesOf = (hours: string) => {
  const value = Number(hours.replace(',', '.'));
  return hours.trim() === '' || !Number.isFinite(value) ? null : Math.round(value * 60);
};

/** The body the API takes; the server judges what cannot work and says where. */
export function policyBody(draft: PolicyDraft): SlaPolicyCreate {
  return {
    name: draft.name,
    calendar: {
      timeZone: draft.timeZone.trim(),
      periods: WEEKDAYS.flatMap(([day]) => periodsOf(day, draft.hours[day] ?? '')),
      holidays: draft.holidays
        .split(/[\s,]+/)
        .map((date) => date.trim())
        .filter(Boolean),
    },
    targets: Object.fromEntries(
      PRIORITIES.map((priority) => [
        priority,
        {
          firstResponseMinutes: minutesOf(draft.targets[priority].firstResponse),
          resolutionMinutes: minutesOf(draft.targets[priority].resolution),
        },
      ]),
    ) as SlaPolicyCreate['targets'],
    accountIds: draft.accountIds,
    warnMinutes: Number(draft.warnMinutes) || 0,
  };
}
