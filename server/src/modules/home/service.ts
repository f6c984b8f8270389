import { DateTime } from 'luxon';
import {
  HOME_MAIL_SHOWN,
  HOME_SECTION_SIZE,
  RECENT_VIEWS_SHOWN,
  RECORD_TYPE_NAMES,
  type Home,
  type HomeDeals,
  type HomeMail,
  type HomeOversight,
  type HomeTasks,
  type OwnerFilter,
  type RecentView,
  type RecentViewCreate,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import { iso } from '../../db/types.js';
import { NotFound } from '../../errors.js';
import { listPage } from '../record-lists/index.js';
import { timeZoneOf } from '../users/index.js';
import { recentMailRows } from './recent-mail-repository.js';
import { liveRecordExists, recentViewRows, saveRecentView } from './recent-views-repository.js';

async function myTasks(db: Knex, actor: Actor): Promise<HomeTasks> {
  const open = await listPage(db, actor, 'tasks', {
    assignee: 'me',
    done: false,
    sort: 'dueAt',
    limit: HOME_SECTION_SIZE,
  });
  const overdue = await listPage(db, actor, 'tasks', { assignee: 'me', overdue: true, limit: 1 });
  return { items: open.items, open: open.total, overdue: overdue.total };
}

async function myDeals(db: Knex, actor: Actor): Promise<HomeDeals> {
  const open = await listPage(db, actor, 'opportunities', {
    owner: 'me',
    status: 'open',
    sort: 'closeDate',
    limit: HOME_SECTION_SIZE,
  });
  return { items: open.items, open: open.total };
}

async function recentlyViewed(db: Knex, actor: Actor): Promise<RecentView[]> {
  const rows = await recentViewRows(db, actor.orgId, actor.userId, RECENT_VIEWS_SHOWN);
  return rows.map((row) => ({ ...row, viewedAt: iso(row.viewedAt) }));
}

async function recentMail(db: Knex, actor: Actor): Promise<HomeMail[]> {
  const rows = await recentMailRows(db, actor, HOME_MAIL_SHOWN);
  return rows.map(({ fromEmail, fromName, sentAt, ...row }) => ({
    ...row,
    sentAt: iso(sentAt),
    from: fromEmail === null ? null : { email: fromEmail, name: fromName },
  }));
}

/** The first and last day of this month in the person's own time zone, as calendar dates. */
function thisMonth(timeZone: string): { from: string; to: string } {
  const now = DateTime.now().setZone(timeZone);
  return { from: now.startOf('month').toISODate()!, to: now.endOf('month').toISODate()! };
}

/** What a manager watches over their team, an admin over the organisation; nothing for a member. */
async function oversight(db: Knex, actor: Actor): Promise<HomeOversight | null> {
  if (actor.role === 'member' || (actor.role === 'manager' && !actor.teamId)) return null;
  const whose: OwnerFilter | undefined = actor.role === 'manager' ? 'team' : undefined;
  const month = thisMonth(await timeZoneOf(db, actor.orgId, actor.userId));
  const overdue = await listPage(db, actor, 'tasks', {
    ...(whose ? { assignee: whose } : {}),
    overdue: true,
    limit: 1,
  });
  const closing = await listPage(db, actor, 'opportunities', {
    ...(whose ? { owner: whose } : {}),
    status: 'open',
    closeFrom: month.from,
    closeTo: month.to,
    sort: 'closeDate',
    limit: HOME_SECTION_SIZE,
  });
  return {
    scope: whose ? 'team' : 'organisation',
    overdueTasks: overdue.total,
    closingThisMonth: { items: closing.items, total: closing.total, ...month },
  };
}

/** The caller's home page in one answer. One section after another: PGlite has a single connection. */
export async function home(db: Knex, actor: Actor): Promise<Home> {
  return {
    tasks: await myTasks(db, actor),
    deals: await myDeals(db, actor),
    recentlyViewed: await recentlyViewed(db, actor),
    recentMail: await recentMail(db, actor),
    oversight: await oversight(db, actor),
  };
}

/** Notes that the caller opened a live record of their organisation on its console page. */
export async function recordView(db: Knex, actor: Actor, record: RecentViewCreate): Promise<void> {
  await db.transaction(async (trx) => {
    if (!(await liveRecordExists(trx, actor.orgId, record)))
      throw new NotFound(RECORD_TYPE_NAMES[record.type]);
    await saveRecentView(trx, actor.orgId, actor.userId, record);
  });
}
