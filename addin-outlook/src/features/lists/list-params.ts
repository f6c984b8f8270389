import type { ListName, ListViewQueries } from '@inbox-crm/shared/client';

// A list's filters live in the address (/app/opportunities?owner=me&status=open&sort=-amount), so
// a filtered list can be bookmarked, shared and reloaded. The server checks every value; a link
// with a bad one shows its refusal and a way to clear the filters.

type Kind = 'text' | 'many' | 'boolean';

const COMMON: Record<string, Kind> = { q: 'text', sort: 'text', deleted: 'boolean' };

/** What a report's bar adds: a team, and the zone its days are counted in. */
const REPORT_DRILLS: Record<string, Kind> = { teamId: 'text', timeZone: 'text' };

const FILTERS: Record<ListName, Record<string, Kind>> = {
  accounts: { owner: 'text' },
  contacts: { owner: 'text', accountId: 'text', consent: 'text' },
  opportunities: {
    owner: 'text',
    accountId: 'text',
    stageId: 'many',
    status: 'many',
    closeFrom: 'text',
    closeTo: 'text',
    ...REPORT_DRILLS,
    closedFrom: 'text',
    closedTo: 'text',
    leftStageId: 'text',
    leftFrom: 'text',
    leftTo: 'text',
  },
  cases: {
    owner: 'text',
    accountId: 'text',
    status: 'many',
    priority: 'many',
    ...REPORT_DRILLS,
    openedFrom: 'text',
    openedTo: 'text',
    resolvedFrom: 'text',
    resolvedTo: 'text',
  },
  activities: {
    owner: 'text',
    type: 'many',
    accountId: 'text',
    ...REPORT_DRILLS,
    atFrom: 'text',
    atTo: 'text',
  },
  tasks: {
    assignee: 'text',
    done: 'boolean',
    overdue: 'boolean',
    priority: 'many',
    accountId: 'text',
    contactId: 'text',
    opportunityId: 'text',
    caseId: 'text',
  },
};

/** The list query an address's search part names; unknown parameters are left out. */
export function listQueryOf<L extends ListName>(list: L, search: string): ListViewQueries[L] {
  const params = new URLSearchParams(search);
  const kinds = { ...COMMON, ...FILTERS[list] };
  const query: Record<string, string | string[] | boolean> = {};
  for (const [key, kind] of Object.entries(kinds)) {
    const values = params.getAll(key).filter((value) => value !== '');
    if (values.length === 0) continue;
    if (kind === 'many') query[key] = values.length === 1 ? values[0]! : values;
    else if (kind === 'boolean') query[key] = values[0] === 'true';
    else query[key] = values[0]!;
  }
  return query as ListViewQueries[L];
}

/** The search part for a list query: `?owner=me&status=open`, or '' for none. */
export function searchOf(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value])
      params.append(key, String(item));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Whether a query narrows the list at all (sorting does not): empty lists say different things. */
export function isFiltered(query: object): boolean {
  return Object.entries(query).some(([key, value]) => key !== 'sort' && value !== undefined);
}
