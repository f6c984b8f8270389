import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, NamedRecordRef, Nullable, RecordRef, RecordType, Uuid } from './common.js';
import { Participant } from './emails.js';
import { ListCount, OpportunityListRow, TaskListRow } from './record-lists.js';

// The console's home page in one answer: the caller's own work first (tasks, deals, what they
// opened, mail filed to their records), then what a manager watches over their team and an admin
// over the organisation.

/** How many tasks and deals each section of the home page shows. */
export const HOME_SECTION_SIZE = 5;
/** How many recently viewed records the home page shows. */
export const RECENT_VIEWS_SHOWN = 8;
/** How many emails the home page's recent mail shows. */
export const HOME_MAIL_SHOWN = 6;

export const HomeTasks = Type.Object({
  items: Type.Array(TaskListRow, { description: 'the caller’s first open tasks, due soonest first' }),
  open: ListCount,
  overdue: ListCount,
});
export type HomeTasks = Static<typeof HomeTasks>;

export const HomeDeals = Type.Object({
  items: Type.Array(OpportunityListRow, { description: 'the caller’s open deals, closing soonest first' }),
  open: ListCount,
});
export type HomeDeals = Static<typeof HomeDeals>;

export const RecentView = Type.Object({
  type: RecordType,
  id: Uuid,
  name: Type.String(),
  viewedAt: IsoDateTime,
});
export type RecentView = Static<typeof RecentView>;

/** A record opened on its console page: `POST /recent-views`. */
export const RecentViewCreate = RecordRef;
export type RecentViewCreate = Static<typeof RecentViewCreate>;

export const HomeMail = Type.Object({
  id: Uuid,
  subject: Type.String(),
  snippet: Type.String(),
  sentAt: IsoDateTime,
  from: Nullable(Participant),
  private: Type.Boolean(),
  records: Type.Array(NamedRecordRef, { description: 'the caller’s records it is filed to' }),
});
export type HomeMail = Static<typeof HomeMail>;

export const HomeOversight = Type.Object({
  scope: Type.Union([Type.Literal('team'), Type.Literal('organisation')]),
  overdueTasks: ListCount,
  closingThisMonth: Type.Object({
    items: Type.Array(OpportunityListRow),
    total: ListCount,
    from: IsoDate,
    to: IsoDate,
  }),
});
export type HomeOversight = Static<typeof HomeOversight>;

export const Home = Type.Object({
  tasks: HomeTasks,
  deals: HomeDeals,
  recentlyViewed: Type.Array(RecentView),
  recentMail: Type.Array(HomeMail),
  /** A manager's team (null while they are in none), the whole organisation for an admin; null for a member. */
  oversight: Nullable(HomeOversight),
});
export type Home = Static<typeof Home>;
