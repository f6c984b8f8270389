import type { Card } from '../cards/card-model.js';
import { homepageCard } from '../views/homepage-card.js';
import type { HandlerContext } from './handler-context.js';

const SOON_MS = 7 * 24 * 3600 * 1000;
const NOTIFICATIONS_SHOWN = 5;

/**
 * The homepage: search, the latest notifications, and the user's tasks due in the next seven days
 * (overdue ones too).
 */
export async function homepage(context: HandlerContext, search?: string): Promise<Card> {
  const [tasks, notifications, hits] = await Promise.all([
    context.crm.tasksDueBefore(new Date(Date.now() + SOON_MS)),
    context.crm.notifications(NOTIFICATIONS_SHOWN),
    search ? context.crm.search(search).then((result) => result.items) : Promise.resolve(null),
  ]);
  return homepageCard(
    {
      userName: context.crm.user.name,
      tasks,
      notifications,
      ...(search && hits ? { search: { query: search, hits } } : {}),
    },
    context,
    context.where,
  );
}
