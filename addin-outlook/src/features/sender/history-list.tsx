import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TimelineEntry } from '@inbox-crm/shared/client';
import { formatMoment } from '../../ui/format.js';
import { consoleEmailPath } from '../../ui/record-links.js';
import { useListStyles } from '../../ui/list-styles.js';
import { Section } from '../../ui/section.js';

const TYPE_NAMES: Record<TimelineEntry['type'], string> = {
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  note: 'Note',
};

const useStyles = makeStyles({
  snippet: { color: tokens.colorNeutralForeground2 },
});

/** Notes logged without a subject are known by their first words. */
export const entryTitle = (entry: TimelineEntry) =>
  entry.subject || entry.snippet.slice(0, 80) || '(no subject)';

function metaLine(entry: TimelineEntry): string {
  const who = entry.type === 'email' ? (entry.from?.name ?? entry.from?.email) : entry.owner?.name;
  const call =
    entry.type === 'call' && entry.durationMinutes !== null ? `${entry.durationMinutes} min` : null;
  return [TYPE_NAMES[entry.type], formatMoment(entry.occurredAt), who, call].filter(Boolean).join(' · ');
}

/** The latest emails, calls, meetings and notes: the customer's history at a glance. */
export function HistoryList({ entries }: { entries: TimelineEntry[] }) {
  const styles = useStyles();
  const lists = useListStyles();
  return (
    <Section title="Recent history" isEmpty={entries.length === 0} empty="Nothing filed or logged yet">
      <ol className={lists.list}>
        {entries.map((entry) => (
          <li key={entry.id} className={lists.entry}>
            {entry.type === 'email' ? (
              <Link href={consoleEmailPath(entry.id)} target="_blank">
                {entryTitle(entry)}
              </Link>
            ) : (
              <Text weight="semibold">{entryTitle(entry)}</Text>
            )}
            <Text size={200} className={lists.meta}>
              {metaLine(entry)}
            </Text>
            {entry.snippet && entry.subject && (
              <Text size={200} className={styles.snippet}>
                {entry.snippet}
              </Text>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}
