import type {
  AccountListRow,
  ActivityListRow,
  CaseListRow,
  ContactListRow,
  ListName,
  ListViewRows,
  OpportunityListRow,
  TaskListRow,
} from '../schemas/record-lists.js';
import { majorUnits } from './money.js';
import { ACTIVITY_TYPE_NAMES, CASE_STATUS_NAMES, PRIORITY_NAMES } from './record-words.js';

/** A cell as a spreadsheet should hold it: text, a number, or empty. */
export type CsvCell = string | number | null;

/**
 * One column of a console list: its heading, the sort it offers (if any) and its value in the CSV
 * export. The console shows the same columns in the same order, so an export holds what the list
 * shows; values are written for spreadsheets (amounts as numbers beside their currency, dates as
 * YYYY-MM-DD), where the console formats them for reading.
 */
export interface ListColumn<Row> {
  key: string;
  label: string;
  sort?: string;
  csv(row: Row): CsvCell;
}

const nameOf = (ref: { name: string } | null) => ref?.name ?? null;
const day = (timestamp: string | null) => timestamp?.slice(0, 10) ?? null;

const ACCOUNT_COLUMNS: ListColumn<AccountListRow>[] = [
  { key: 'name', label: 'Name', sort: 'name', csv: (row) => row.name },
  { key: 'domains', label: 'Domains', csv: (row) => row.domains.join(' ') },
  { key: 'industry', label: 'Industry', csv: (row) => row.industry },
  { key: 'phone', label: 'Phone', csv: (row) => row.phone },
  { key: 'owner', label: 'Owner', csv: (row) => nameOf(row.owner) },
  { key: 'updatedAt', label: 'Updated', sort: 'updatedAt', csv: (row) => day(row.updatedAt) },
];

const CONTACT_COLUMNS: ListColumn<ContactListRow>[] = [
  { key: 'name', label: 'Name', sort: 'name', csv: (row) => row.name },
  { key: 'title', label: 'Title', csv: (row) => row.title },
  { key: 'email', label: 'Email', csv: (row) => row.email },
  { key: 'phone', label: 'Phone', csv: (row) => row.phone },
  { key: 'account', label: 'Account', csv: (row) => nameOf(row.account) },
  { key: 'owner', label: 'Owner', csv: (row) => nameOf(row.owner) },
  { key: 'updatedAt', label: 'Updated', sort: 'updatedAt', csv: (row) => day(row.updatedAt) },
];

const OPPORTUNITY_COLUMNS: ListColumn<OpportunityListRow>[] = [
  { key: 'name', label: 'Name', sort: 'name', csv: (row) => row.name },
  { key: 'account', label: 'Account', csv: (row) => nameOf(row.account) },
  { key: 'stage', label: 'Stage', csv: (row) => row.stage.name },
  {
    key: 'amount',
    label: 'Amount',
    sort: 'amount',
    csv: (row) => majorUnits(row.amountMinor, row.currency),
  },
  { key: 'currency', label: 'Currency', csv: (row) => row.currency },
  { key: 'closeDate', label: 'Close date', sort: 'closeDate', csv: (row) => row.closeDate },
  { key: 'probability', label: 'Probability %', csv: (row) => row.probability },
  { key: 'owner', label: 'Owner', csv: (row) => nameOf(row.owner) },
];

const CASE_COLUMNS: ListColumn<CaseListRow>[] = [
  { key: 'subject', label: 'Subject', csv: (row) => row.subject },
  { key: 'account', label: 'Account', csv: (row) => nameOf(row.account) },
  { key: 'contact', label: 'Contact', csv: (row) => nameOf(row.contact) },
  { key: 'status', label: 'Status', csv: (row) => CASE_STATUS_NAMES[row.status] },
  { key: 'priority', label: 'Priority', sort: 'priority', csv: (row) => PRIORITY_NAMES[row.priority] },
  { key: 'owner', label: 'Owner', csv: (row) => nameOf(row.owner) },
  { key: 'createdAt', label: 'Opened', sort: 'createdAt', csv: (row) => day(row.createdAt) },
];

const TASK_COLUMNS: ListColumn<TaskListRow>[] = [
  { key: 'title', label: 'Task', sort: 'title', csv: (row) => row.title },
  {
    key: 'records',
    label: 'Concerns',
    csv: (row) => row.records.map((record) => record.name).join(' · ') || null,
  },
  { key: 'dueAt', label: 'Due', sort: 'dueAt', csv: (row) => day(row.dueAt) },
  { key: 'priority', label: 'Priority', sort: 'priority', csv: (row) => PRIORITY_NAMES[row.priority] },
  { key: 'assignee', label: 'Assigned to', csv: (row) => nameOf(row.assignee) },
  { key: 'done', label: 'Status', csv: (row) => (row.done ? 'Done' : 'Open') },
];

const ACTIVITY_COLUMNS: ListColumn<ActivityListRow>[] = [
  { key: 'subject', label: 'Subject', csv: (row) => row.subject },
  { key: 'type', label: 'Kind', csv: (row) => ACTIVITY_TYPE_NAMES[row.type] },
  {
    key: 'records',
    label: 'Filed to',
    csv: (row) => row.records.map((record) => record.name).join(' · ') || null,
  },
  { key: 'owner', label: 'Filed or logged by', csv: (row) => nameOf(row.owner) },
  { key: 'at', label: 'When', sort: 'at', csv: (row) => row.at },
];

export const LIST_COLUMNS: { [L in ListName]: ListColumn<ListViewRows[L]>[] } = {
  accounts: ACCOUNT_COLUMNS,
  contacts: CONTACT_COLUMNS,
  opportunities: OPPORTUNITY_COLUMNS,
  cases: CASE_COLUMNS,
  tasks: TASK_COLUMNS,
  activities: ACTIVITY_COLUMNS,
};

/** The order a list is in until someone sorts it: the server's and the console's. */
export const LIST_DEFAULT_SORT: Record<ListName, string> = {
  accounts: 'name',
  contacts: 'name',
  opportunities: 'closeDate',
  cases: '-createdAt',
  tasks: 'dueAt',
  activities: '-at',
};

/** How many cards a board column shows before "Show more". */
export const BOARD_COLUMN_SIZE = 20;

/** What each list is called, and what one of its rows is. */
export const LIST_TITLES: Record<ListName, { plural: string; singular: string }> = {
  accounts: { plural: 'Accounts', singular: 'account' },
  contacts: { plural: 'Contacts', singular: 'contact' },
  opportunities: { plural: 'Opportunities', singular: 'opportunity' },
  cases: { plural: 'Cases', singular: 'case' },
  tasks: { plural: 'Tasks', singular: 'task' },
  activities: { plural: 'Activities', singular: 'activity' },
};

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is prefixed with an apostrophe (OWASP's advice on CSV injection). Numbers stay numbers.
 */
export function neutraliseFormula(cell: CsvCell): CsvCell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}
