import type { Card } from '../cards/card-model.js';
import { homepageCard } from '../views/homepage-card.js';
import type { HandlerContext } from './handler-context.js';

const SOON_MS = 7 * 24 * 3600 * 1000;

/** The homepage: search, and the user's tasks due in the next seven days (overdue ones too). */
export async function homepage(context: HandlerContext, search?: string): Promise<Card> {
  const [tasks, hits] = await Promise.all([
    context.crm.tasksDueBefore(new Date(Date.now() + SOON_MS)),
    search ? context.crm.search(search).then((result) => result.items) : Promise.resolve(null),
  ]);
  return homepageCard(
    {
      userName: context.crm.user.name,
      tasks,
      ...(search && hits ? { search: { query: search, hits } } : {}),
    },
    context,
    context.where,
  );
}
