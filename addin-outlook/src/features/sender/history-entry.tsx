import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ACTIVITY_TYPE_NAMES, type TimelineEntry } from '@inbox-crm/shared/client';
import type { ListEntry } from '../../ui/entry-list.js';
import { formatMoment, metaLine } from '../../ui/format.js';

export const useHistoryStyles = makeStyles({
  snippet: { color: tokens.colorNeutralForeground2 },
});

/** Notes logged without a subject are known by their first words. */
export const entryTitle = (entry: TimelineEntry) =>
  entry.subject || entry.snippet.slice(0, 80) || '(no subject)';

/**
 * One line of history as a list entry: its title (an email's a link, made by `emailLink`), what
 * and when, who, a call's length, and the start of its text.
 */
export function historyEntry(
  entry: TimelineEntry,
  emailLink: (emailId: string, title: string) => ReactNode,
  snippetClass: string,
): ListEntry {
  const title = entryTitle(entry);
  const who = entry.type === 'email' ? (entry.from?.name ?? entry.from?.email) : entry.owner?.name;
  return {
    key: entry.id,
    title: entry.type === 'email' ? emailLink(entry.id, title) : <Text weight="semibold">{title}</Text>,
    meta: metaLine(
      ACTIVITY_TYPE_NAMES[entry.type],
      formatMoment(entry.occurredAt),
      who,
      entry.type !== 'email' && entry.durationMinutes !== null && `${entry.durationMinutes} min`,
      entry.private && 'private',
    ),
    more: entry.snippet && entry.subject && (
      <Text size={200} className={snippetClass}>
        {entry.snippet}
      </Text>
    ),
  };
}
