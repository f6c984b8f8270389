import { DomainError, type ActivityHit } from '@inbox-crm/shared';
import type { Card } from '../cards/card-model.js';
import { homepageCard } from '../views/homepage-card.js';
import type { HandlerContext } from './handler-context.js';

const SOON_MS = 7 * 24 * 3600 * 1000;
const NOTIFICATIONS_SHOWN = 5;
const CORRESPONDENCE_SHOWN = 5;

/** The correspondence holding the query's words; null for a query with no word to look for. */
async function correspondence(context: HandlerContext, query: string): Promise<ActivityHit[] | null> {
  try {
    return (await context.crm.searchActivities({ q: query, limit: CORRESPONDENCE_SHOWN })).items;
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'invalid') return null;
    throw error;
  }
}

/**
 * The homepage: search (records by name, correspondence by its words), the latest notifications,
 * and the user's tasks due in the next seven days (overdue ones too).
 */
export async function homepage(context: HandlerContext, search?: string): Promise<Card> {
  const [tasks, notifications, hits, mail] = await Promise.all([
    context.crm.tasksDueBefore(new Date(Date.now() + SOON_MS)),
    context.crm.notifications(NOTIFICATIONS_SHOWN),
    search ? context.crm.search(search).then((result) => result.items) : Promise.resolve(null),
    search ? correspondence(context, search) : Promise.resolve(null),
  ]);
  return homepageCard(
    {
      userName: context.crm.user.name,
      tasks,
      notifications,
      ...(search && hits ? { search: { query: search, hits, correspondence: mail } } : {}),
    },
    context,
    context.where,
  );
}
