import { consoleRecordPath, type User } from '@inbox-crm/shared/client';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { searchOf } from '../lists/list-params.js';
import type { ReportFilterValues } from './report-filters.js';

/** Where a bar or a row of a report leads: the console's lists, filtered to the records behind it. */
export interface Drill {
  /** Opens the opportunities list with the report's scope and these filters. */
  opportunities(filters: Record<string, string | string[]>): void;
  cases(filters: Record<string, string | string[]>): void;
  activities(filters: Record<string, string | string[]>): void;
  record(type: 'account', id: string): void;
}

/** The first and last day of a month: 2026-02 → 2026-02-01 and 2026-02-28. */
export function monthDays(month: string): { from: string; to: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10) };
}

/** The Monday a week begins on and its Sunday: 2026-03-02 → 2026-03-08. */
export function weekDays(week: string): { from: string; to: string } {
  return {
    from: week,
    to: new Date(Date.parse(`${week}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10),
  };
}

/**
 * The lists' owner filter for the report's people: a person by id, a team by id, the caller's
 * own team for a manager, nothing for the whole organisation; a member's report is their own.
 */
function ownerFilter(values: ReportFilterValues, user: User): Record<string, string> {
  if (values.ownerId) return { owner: values.ownerId };
  if (user.role === 'member') return { owner: 'me' };
  if (values.teamId) return { teamId: values.teamId };
  // A manager in no team has only their own numbers, as the report counted them.
  if (user.role === 'manager') return { owner: user.teamId ? 'team' : 'me' };
  return {};
}

/** How the report's bars and rows open the records behind them, in the console's lists. */
export function drillFor(values: ReportFilterValues, user: User, navigate: (path: string) => void): Drill {
  const scope = {
    ...ownerFilter(values, user),
    ...(values.accountId ? { accountId: values.accountId } : {}),
  };
  return {
    opportunities: (filters) =>
      navigate(CONSOLE_PATHS.list('opportunities', searchOf({ ...scope, ...filters }))),
    cases: (filters) => navigate(CONSOLE_PATHS.list('cases', searchOf({ ...scope, ...filters }))),
    activities: (filters) => navigate(CONSOLE_PATHS.list('activities', searchOf({ ...scope, ...filters }))),
    record: (type, id) => navigate(consoleRecordPath({ type, id })),
  };
}
