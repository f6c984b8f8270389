import { senderAddress } from '../lookup/data-set.js';
import type { ApiSession } from '../support/api-session.js';
import { homeScenarios } from './home-scenarios.js';
import { pagePaths } from './paging.js';

/** The users who send the requests: the admin, and a member of a team for `owner=team`. */
export interface Sessions {
  admin: ApiSession;
  teamMember: ApiSession;
}

/** What one kind of request is: its name in the report, and the paths its timed requests go through. */
export interface Scenario {
  name: string;
  /** Who sends its requests (and finds its paths): the admin unless it says otherwise. */
  as?: keyof Sessions;
  /** Signs in a user of its own instead (the admin's session given to prepare them). */
  signIn?(admin: ApiSession): Promise<ApiSession>;
  /** Found once before timing (following cursors, say), so the timed requests are single requests. */
  paths(api: ApiSession): Promise<string[]>;
}

const PAGES = 20;
const SENDERS = 2000;

const paged = (name: string, first: string): Scenario => ({
  name,
  paths: (api) => pagePaths(api, `/api/v1/lists/${first}`, PAGES),
});

const firstPage = (name: string, path: string): Scenario => ({
  name,
  paths: async () => [`/api/v1/lists/${path}`],
});

/** A board: one request that answers every column's first cards, counts and amounts. */
const board = (name: string, path: string, as?: keyof Sessions): Scenario => ({
  name,
  ...(as === undefined ? {} : { as }),
  paths: async (api) => {
    // Asked once before timing, so that a refusal (a user in no team, say) stops the run plainly.
    await api.getJson(`/api/v1/boards/${path}`);
    return [`/api/v1/boards/${path}`];
  },
});

/** The baseline: the sender view, for the same addresses as the lookup benchmark. */
export const senderView: Scenario = {
  name: 'GET /api/v1/lookup (sender view)',
  paths: async () =>
    Array.from(
      { length: SENDERS },
      (_, n) => `/api/v1/lookup?email=${encodeURIComponent(senderAddress(n + 1))}`,
    ),
};

/** The views held to the target, `ownerId` being one user among the data set's owners. */
export const targetScenarios = (ownerId: string): Scenario[] => [
  paged('opportunities, organisation, by close date', 'opportunities'),
  paged('opportunities, one owner, open', `opportunities?owner=${ownerId}&status=open`),
  paged('contacts, organisation, by name', 'contacts'),
  paged('contacts, organisation, q=last5', 'contacts?q=last5'),
  // A search is mostly its first page, which is planned differently from the pages after a cursor.
  firstPage('contacts, organisation, q=last5, first page', 'contacts?q=last5'),
  paged('accounts, organisation, by -updatedAt', 'accounts?sort=-updatedAt'),
  paged('cases, new and open, by priority', 'cases?status=new&status=open&sort=priority'),
  paged('tasks, one assignee, overdue', `tasks?assignee=${ownerId}&overdue=true`),
  board('opportunity board, organisation', 'opportunities'),
  board('opportunity board, one owner', `opportunities?owner=${ownerId}`),
  board('opportunity board, team (as a member)', 'opportunities?owner=team', 'teamMember'),
  board('case board, organisation', 'cases'),
  ...homeScenarios,
];
