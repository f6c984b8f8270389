import type { OpportunityListViewQuery } from '@inbox-crm/shared/client';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { searchOf } from '../lists/list-params.js';

/** The opportunities list filtered to open deals, closing soonest first: the caller's, their team's or everyone's. */
export function openDealsPath(filters: Omit<OpportunityListViewQuery, 'status' | 'sort'> = {}): string {
  return CONSOLE_PATHS.list('opportunities', searchOf({ ...filters, status: 'open', sort: 'closeDate' }));
}
