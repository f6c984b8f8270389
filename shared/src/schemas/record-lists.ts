import { ConsentFilter } from './consents.js';
import { Type, type Static, type TProperties, type TSchema } from 'typebox';
import { ActivityType } from './activities.js';
import { CasePriority, CaseStatus } from './cases.js';
import {
  DeletedFilter,
  IsoDate,
  IsoDateTime,
  NamedRecordRef,
  Nullable,
  PageQuery,
  strict,
  TimeZone,
  UserRef,
  Uuid,
} from './common.js';
import { StageKind } from './organisation.js';
import { TaskPriority } from './tasks.js';

// The console's lists: each record type's rows with the names a list shows (owner, account, stage),
// sorted by a column, filtered, counted, paged by cursor, and exported as CSV exactly as shown.

/** Whose records: the caller's, their team's, or one person's. */
export const OwnerFilter = Type.Union([Type.Literal('me'), Type.Literal('team'), Uuid], {
  description: '`me`, `team` (everyone in the caller’s team) or a user id',
});
export type OwnerFilter = Static<typeof OwnerFilter>;

/** Lists count matches up to this many, and then say "more than". */
export const LIST_COUNT_CAP = 10_000;

export const ListCount = Type.Object({
  value: Type.Integer({ minimum: 0 }),
  capped: Type.Boolean({ description: `true when more than ${LIST_COUNT_CAP} rows match` }),
});
export type ListCount = Static<typeof ListCount>;

export const ListPage = <T extends TSchema>(row: T) =>
  Type.Object({ items: Type.Array(row), nextCursor: Nullable(Type.String()), total: ListCount });
export interface ListPageOf<T> {
  items: T[];
  nextCursor: string | null;
  total: ListCount;
}

/** `name` sorts ascending, `-name` descending. */
const sortChoice = <K extends string>(keys: readonly K[]) =>
  Type.Enum(keys.flatMap((key) => [key, `-${key}`]) as (K | `-${K}`)[]);

const listQuery = <F extends TProperties>(sortKeys: readonly string[], filters: F) =>
  Type.Object(
    {
      ...PageQuery,
      ...DeletedFilter,
      q: Type.Optional(Type.String({ maxLength: 200, description: 'words the names start with' })),
      sort: Type.Optional(sortChoice(sortKeys)),
      ...filters,
    },
    strict,
  );

/** At most a few values of one filter, e.g. `status=new&status=open`. */
const oneOrMore = <T extends TSchema>(item: T, max: number) =>
  Type.Union([item, Type.Array(item, { minItems: 1, maxItems: max })]);

/** What a report's bar adds to a list: a team (any, for admins' reports) and the zone its days are in. */
const ReportDrills = {
  teamId: Type.Optional(Type.String({ format: 'uuid', description: 'owned by the people of this team' })),
  timeZone: Type.Optional(
    Type.String({ ...TimeZone, description: 'the zone the day filters count in; by default the caller’s' }),
  ),
};

const NamedRef = Type.Object({ id: Uuid, name: Type.String() });
const RowMeta = {
  id: Uuid,
  version: Type.Integer({ minimum: 1 }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  deletedAt: Nullable(IsoDateTime),
};

export const ACCOUNT_LIST_SORTS = ['name', 'updatedAt'] as const;
export const AccountListViewQuery = listQuery(ACCOUNT_LIST_SORTS, { owner: Type.Optional(OwnerFilter) });
export type AccountListViewQuery = Static<typeof AccountListViewQuery>;
export const AccountListRow = Type.Object({
  ...RowMeta,
  name: Type.String(),
  domains: Type.Array(Type.String()),
  industry: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  website: Nullable(Type.String()),
  owner: Nullable(UserRef),
});
export type AccountListRow = Static<typeof AccountListRow>;

export const CONTACT_LIST_SORTS = ['name', 'updatedAt'] as const;
export const ContactListViewQuery = listQuery(CONTACT_LIST_SORTS, {
  owner: Type.Optional(OwnerFilter),
  accountId: Type.Optional(Uuid),
  consent: Type.Optional(ConsentFilter),
});
export type ContactListViewQuery = Static<typeof ContactListViewQuery>;
export const ContactListRow = Type.Object({
  ...RowMeta,
  name: Type.String(),
  title: Nullable(Type.String()),
  email: Nullable(Type.String({ description: 'the first address' })),
  phone: Nullable(Type.String({ description: 'the first number, E.164' })),
  account: Nullable(NamedRef),
  owner: Nullable(UserRef),
});
export type ContactListRow = Static<typeof ContactListRow>;

export const OPPORTUNITY_LIST_SORTS = ['closeDate', 'amount', 'name', 'updatedAt'] as const;
export const OpportunityListViewQuery = listQuery(OPPORTUNITY_LIST_SORTS, {
  owner: Type.Optional(OwnerFilter),
  accountId: Type.Optional(Uuid),
  stageId: Type.Optional(oneOrMore(Uuid, 50)),
  status: Type.Optional(oneOrMore(StageKind, 3)),
  closeFrom: Type.Optional(IsoDate),
  closeTo: Type.Optional(IsoDate),
  ...ReportDrills,
  closedFrom: Type.Optional(Type.String({ format: 'date', description: 'won or lost on or after this day' })),
  closedTo: Type.Optional(Type.String({ format: 'date', description: 'won or lost on or before this day' })),
  leftStageId: Type.Optional(
    Type.String({ format: 'uuid', description: 'deals that spent time in this stage and left it' }),
  ),
  leftFrom: Type.Optional(
    Type.String({
      format: 'date',
      description: 'with leftStageId: left it for the last time on or after this day',
    }),
  ),
  leftTo: Type.Optional(
    Type.String({
      format: 'date',
      description: 'with leftStageId: left it for the last time on or before this day',
    }),
  ),
});
export type OpportunityListViewQuery = Static<typeof OpportunityListViewQuery>;
export const OpportunityListRow = Type.Object({
  ...RowMeta,
  name: Type.String(),
  account: Nullable(NamedRef),
  stage: NamedRef,
  status: StageKind,
  amountMinor: Nullable(Type.Integer()),
  currency: Nullable(Type.String()),
  closeDate: Nullable(IsoDate),
  probability: Type.Integer(),
  owner: Nullable(UserRef),
});
export type OpportunityListRow = Static<typeof OpportunityListRow>;

export const CASE_LIST_SORTS = ['createdAt', 'updatedAt', 'priority'] as const;
export const CaseListViewQuery = listQuery(CASE_LIST_SORTS, {
  owner: Type.Optional(OwnerFilter),
  accountId: Type.Optional(Uuid),
  status: Type.Optional(oneOrMore(CaseStatus, 5)),
  priority: Type.Optional(oneOrMore(CasePriority, 4)),
  ...ReportDrills,
  openedFrom: Type.Optional(Type.String({ format: 'date', description: 'opened on or after this day' })),
  openedTo: Type.Optional(Type.String({ format: 'date', description: 'opened on or before this day' })),
  resolvedFrom: Type.Optional(Type.String({ format: 'date', description: 'resolved on or after this day' })),
  resolvedTo: Type.Optional(Type.String({ format: 'date', description: 'resolved on or before this day' })),
});
export type CaseListViewQuery = Static<typeof CaseListViewQuery>;
export const CaseListRow = Type.Object({
  ...RowMeta,
  number: Type.Integer(),
  subject: Type.String(),
  status: CaseStatus,
  priority: CasePriority,
  account: Nullable(NamedRef),
  contact: Nullable(NamedRef),
  owner: Nullable(UserRef),
});
export type CaseListRow = Static<typeof CaseListRow>;

export const TASK_LIST_SORTS = ['dueAt', 'priority', 'title'] as const;
export const TaskListViewQuery = listQuery(TASK_LIST_SORTS, {
  assignee: Type.Optional(OwnerFilter),
  done: Type.Optional(Type.Boolean()),
  overdue: Type.Optional(Type.Boolean({ description: 'open tasks whose due time has passed' })),
  priority: Type.Optional(oneOrMore(TaskPriority, 3)),
  accountId: Type.Optional(Uuid),
  contactId: Type.Optional(Uuid),
  opportunityId: Type.Optional(Uuid),
  caseId: Type.Optional(Uuid),
});
export type TaskListViewQuery = Static<typeof TaskListViewQuery>;
export const TaskListRow = Type.Object({
  ...RowMeta,
  title: Type.String(),
  dueAt: Nullable(IsoDateTime),
  timeZone: Nullable(Type.String()),
  priority: TaskPriority,
  done: Type.Boolean(),
  overdue: Type.Boolean({ description: 'open, and its due time has passed' }),
  assignee: Nullable(UserRef),
  records: Type.Array(NamedRecordRef, { description: 'the records the task concerns, by name' }),
});
export type TaskListRow = Static<typeof TaskListRow>;

export const ACTIVITY_LIST_SORTS = ['at'] as const;
export const ActivityListViewQuery = listQuery(ACTIVITY_LIST_SORTS, {
  owner: Type.Optional(OwnerFilter),
  type: Type.Optional(oneOrMore(ActivityType, 4)),
  accountId: Type.Optional(Uuid),
  ...ReportDrills,
  atFrom: Type.Optional(
    Type.String({
      format: 'date',
      description: 'emails filed, and calls, meetings and notes held, on or after this day',
    }),
  ),
  atTo: Type.Optional(Type.String({ format: 'date', description: 'filed or held on or before this day' })),
});
export type ActivityListViewQuery = Static<typeof ActivityListViewQuery>;
export const ActivityListRow = Type.Object({
  ...RowMeta,
  type: ActivityType,
  subject: Type.String(),
  at: Type.String({
    format: 'date-time',
    description: 'when an email was filed, or a call, meeting or note held',
  }),
  private: Type.Boolean(),
  owner: Nullable(UserRef),
  records: Type.Array(NamedRecordRef, { description: 'the records it is filed to, by name' }),
});
export type ActivityListRow = Static<typeof ActivityListRow>;

/** The query of each list, for clients that build one generically. */
export interface ListViewQueries {
  accounts: AccountListViewQuery;
  contacts: ContactListViewQuery;
  opportunities: OpportunityListViewQuery;
  cases: CaseListViewQuery;
  tasks: TaskListViewQuery;
  activities: ActivityListViewQuery;
}
export interface ListViewRows {
  accounts: AccountListRow;
  contacts: ContactListRow;
  opportunities: OpportunityListRow;
  cases: CaseListRow;
  tasks: TaskListRow;
  activities: ActivityListRow;
}
export type ListName = keyof ListViewRows;
export const LIST_NAMES = ['accounts', 'contacts', 'opportunities', 'cases', 'tasks', 'activities'] as const;

// Boards: a list in columns (deals by stage, cases by status), each column its first page, its
// count and, for deals, its amount per currency; a column's further pages are the list's own,
// filtered to the column (`stageId=…`, `status=…`).

const BoardColumn = <T extends TSchema>(row: T) =>
  Type.Object({
    id: Type.String({ description: 'the stage id, or the case status' }),
    name: Type.String(),
    total: ListCount,
    amounts: Type.Array(Type.Object({ currency: Type.String(), amountMinor: Type.Integer() }), {
      description: 'the sum of the column’s amounts, one per currency (never added across currencies)',
    }),
    items: Type.Array(row),
    nextCursor: Nullable(Type.String()),
  });
export interface BoardColumnOf<T> {
  id: string;
  name: string;
  total: ListCount;
  amounts: { currency: string; amountMinor: number }[];
  items: T[];
  nextCursor: string | null;
}

export const OpportunityBoardQuery = Type.Object(
  {
    owner: Type.Optional(OwnerFilter),
    accountId: Type.Optional(Uuid),
    closeFrom: Type.Optional(IsoDate),
    closeTo: Type.Optional(IsoDate),
    q: Type.Optional(Type.String({ maxLength: 200 })),
  },
  strict,
);
export type OpportunityBoardQuery = Static<typeof OpportunityBoardQuery>;
export const OpportunityBoard = Type.Object({ columns: Type.Array(BoardColumn(OpportunityListRow)) });
export type OpportunityBoard = { columns: BoardColumnOf<OpportunityListRow>[] };

export const CaseBoardQuery = Type.Object(
  {
    owner: Type.Optional(OwnerFilter),
    accountId: Type.Optional(Uuid),
    priority: Type.Optional(oneOrMore(CasePriority, 4)),
    q: Type.Optional(Type.String({ maxLength: 200 })),
  },
  strict,
);
export type CaseBoardQuery = Static<typeof CaseBoardQuery>;
export const CaseBoard = Type.Object({ columns: Type.Array(BoardColumn(CaseListRow)) });
export type CaseBoard = { columns: BoardColumnOf<CaseListRow>[] };
