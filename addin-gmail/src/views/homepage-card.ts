import {
  consoleRecordPath,
  isOverdue,
  RECORD_TYPE_NAMES,
  type ActivityHit,
  type Notification,
  type SearchHit,
  type Task,
} from '@inbox-crm/shared';
import {
  button,
  buttons,
  card,
  escapeCardText,
  fact,
  openLink,
  paragraph,
  section,
  textInput,
} from '../cards/card-builder.js';
import type { Card, CardSection } from '../cards/card-model.js';
import { formatDay, joinParts, type CardLocale } from './format.js';
import { correspondenceSection } from './correspondence-section.js';
import type { ViewContext } from './view-context.js';

/** The form field of the search box. */
export const SEARCH_FIELD = 'q';

export interface HomepageData {
  userName: string;
  tasks: Task[];
  notifications: { unread: number; items: Notification[] };
  /**
   * A search and what it found, once the user searched: records by name, and correspondence by its
   * words (null when the query has no word to search for).
   */
  search?: { query: string; hits: SearchHit[]; correspondence: ActivityHit[] | null };
}

function searchResults(search: NonNullable<HomepageData['search']>, context: ViewContext): CardSection {
  if (search.hits.length === 0)
    return section('Records', [
      paragraph(escapeCardText(`No account, contact, opportunity or case matches “${search.query}”.`)),
    ]);
  return section(
    `Results for “${search.query}”`,
    search.hits.map((hit) =>
      fact(hit.name, {
        top: RECORD_TYPE_NAMES[hit.type],
        ...(hit.detail ? { bottom: hit.detail } : {}),
        onClick: openLink(`${context.publicUrl}${consoleRecordPath(hit)}`),
      }),
    ),
  );
}

function correspondenceResults(
  search: NonNullable<HomepageData['search']>,
  context: ViewContext,
  where: CardLocale,
): CardSection | null {
  if (search.correspondence === null) return null;
  return correspondenceSection(
    `Correspondence with “${search.query}”`,
    search.correspondence,
    context,
    where,
  );
}

function notificationsSection(
  notifications: HomepageData['notifications'],
  context: ViewContext,
  where: CardLocale,
): CardSection {
  const title = notifications.unread > 0 ? `Notifications (${notifications.unread} unread)` : 'Notifications';
  if (notifications.items.length === 0) return section(title, [paragraph('No reminders yet.')]);
  const newest = notifications.items[0]!;
  return section(title, [
    ...notifications.items.map((item) =>
      fact(item.title, {
        top: joinParts(item.readAt === null && 'New', formatDay(item.createdAt, where)),
        ...(item.body ? { bottom: item.body } : {}),
        ...(item.record
          ? { onClick: openLink(`${context.publicUrl}${consoleRecordPath(item.record)}`) }
          : {}),
        ...(item.readAt === null
          ? { button: button('Mark read', context.actions.call('mark-notification-read', { id: item.id })) }
          : {}),
      }),
    ),
    ...(notifications.unread > 0
      ? [
          buttons(
            button('Mark all read', context.actions.call('mark-notifications-read', { upTo: newest.id })),
          ),
        ]
      : []),
  ]);
}

/** Search across the CRM, the latest notifications, and the user's tasks due soon or overdue. */
export function homepageCard(data: HomepageData, context: ViewContext, where: CardLocale): Card {
  return card({ title: 'Inbox CRM', subtitle: data.userName }, [
    section('Search', [
      textInput(SEARCH_FIELD, 'Records, or words from your correspondence', {
        value: data.search?.query ?? '',
      }),
      buttons(button('Search', context.actions.call('search'), 'FILLED')),
    ]),
    ...(data.search ? [searchResults(data.search, context)] : []),
    ...(data.search
      ? [correspondenceResults(data.search, context, where)].filter((part) => part !== null)
      : []),
    notificationsSection(data.notifications, context, where),
    section(
      'My tasks due soon',
      data.tasks.length === 0
        ? [paragraph('Nothing due in the next seven days.')]
        : data.tasks.map((task) =>
            fact(task.title, {
              // As on the message card and in Outlook: "Overdue · due 1 Dec 2026".
              bottom: joinParts(
                isOverdue(task.dueAt) && 'Overdue',
                task.dueAt && `due ${formatDay(task.dueAt, where)}`,
              ),
            }),
          ),
    ),
  ]);
}
