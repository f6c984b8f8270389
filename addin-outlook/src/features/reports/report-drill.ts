import { consoleRecordPath, type User } from '@inbox-crm/shared/client';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { searchOf } from '../lists/list-params.js';
import type { ReportFilterValues } from './report-filters.js';

/** Where a bar or a row of a report leads: the console's lists, filtered to the records behind it. */
export interface Drill {
  /** Opens the opportunities list with the report's scope and these filters. */
  opportunities(filters: Record<string, string | string[]>): void;
  cases(filters: Record<string, string | string[]>): void;
  record(type: 'account', id: string): void;
  /** The close-date filters of a month (2026-03 → 1 to 31 March). */
  monthOfCloseDates(month: string): { closeFrom: string; closeTo: string };
}

/**
 * The lists' owner filter for the report's people: a person by id; the caller's own team as
 * `team`; nothing for the whole organisation; a member's report is their own (`me`). Another
 * team than the caller's has no list filter: null.
 */
function ownerFilter(values: ReportFilterValues, user: User): Record<string, string> | null {
  if (values.ownerId) return { owner: values.ownerId };
  if (user.role === 'member') return { owner: 'me' };
  if (values.teamId && values.teamId !== user.teamId) return null;
  if (user.role === 'manager' || values.teamId) return { owner: 'team' };
  return {};
}

/** How the report's bars and rows open the records behind them; null when a list cannot show exactly those. */
export function drillFor(
  values: ReportFilterValues,
  user: User,
  navigate: (path: string) => void,
): Drill | null {
  const owner = ownerFilter(values, user);
  if (owner === null) return null;
  const scope = { ...owner, ...(values.accountId ? { accountId: values.accountId } : {}) };
  return {
    opportunities: (filters) =>
      navigate(CONSOLE_PATHS.list('opportunities', searchOf({ ...scope, ...filters }))),
    cases: (filters) => navigate(CONSOLE_PATHS.list('cases', searchOf({ ...scope, ...filters }))),
    record: (type, id) => navigate(consoleRecordPath({ type, id })),
    monthOfCloseDates: (month) => {
      const [year, number] = month.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
      return { closeFrom: `${month}-01`, closeTo: last };
    },
  };
}
