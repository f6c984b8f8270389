import type { ListName } from '@inbox-crm/shared';

/** The record lists search groups by, in the order the page shows them, and the table of each. */
export const SEARCHED_TABLES = {
  accounts: 'accounts',
  contacts: 'contacts',
  opportunities: 'opportunities',
  cases: 'cases',
} as const satisfies Partial<Record<ListName, string>>;

export type SearchedList = keyof typeof SEARCHED_TABLES;
export type SearchedTable = (typeof SEARCHED_TABLES)[SearchedList];
