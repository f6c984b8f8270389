import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TimelineEntry } from '@inbox-crm/shared/client';
import { formatMoment } from '../../ui/format.js';
import { consoleEmailPath } from '../../ui/record-links.js';
import { Section } from '../../ui/section.js';

const TYPE_NAMES: Record<TimelineEntry['type'], string> = {
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  note: 'Note',
};

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  entry: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3 },
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
  return (
    <Section title="Recent history" isEmpty={entries.length === 0} empty="Nothing filed or logged yet">
      <ol className={styles.list}>
        {entries.map((entry) => (
          <li key={entry.id} className={styles.entry}>
            {entry.type === 'email' ? (
              <Link href={consoleEmailPath(entry.id)} target="_blank">
                {entryTitle(entry)}
              </Link>
            ) : (
              <Text weight="semibold">{entryTitle(entry)}</Text>
            )}
            <Text size={200} className={styles.meta}>
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
