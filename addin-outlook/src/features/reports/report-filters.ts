import type { ReportName } from '@inbox-crm/shared/client';

// A report's filters live in the address (/app/reports/forecast?from=2026-01-01&ownerId=…), so a
// report can be bookmarked and shared as it is; the server checks every value.

export interface ReportFilterValues {
  from?: string;
  to?: string;
  ownerId?: string;
  teamId?: string;
  accountId?: string;
  days?: number;
}

const KEYS = ['from', 'to', 'ownerId', 'teamId', 'accountId'] as const;

export function reportFiltersOf(search: string): ReportFilterValues {
  const params = new URLSearchParams(search);
  const values: ReportFilterValues = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) values[key] = value;
  }
  const days = Number(params.get('days'));
  if (Number.isInteger(days) && days > 0) values.days = days;
  return values;
}

export function reportSearchOf(values: ReportFilterValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values) as [string, string | number | undefined][]) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The query a report takes from the filters: going cold has no period, only a number of days. */
export function reportQueryOf(name: ReportName, values: ReportFilterValues): Record<string, string | number> {
  const { days, from, to, ...scope } = values;
  const query: Record<string, string | number | undefined> =
    name === 'going-cold' ? { ...scope, days } : { ...scope, from, to };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Record<
    string,
    string | number
  >;
}
