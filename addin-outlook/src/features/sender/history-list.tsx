import { Link } from '@fluentui/react-components';
import { consoleEmailPath, type TimelineEntry } from '@inbox-crm/shared/client';
import { EntryList } from '../../ui/entry-list.js';
import { Section } from '../../ui/section.js';
import { historyEntry, useHistoryStyles } from './history-entry.js';

/** The latest emails, calls, meetings and notes: the customer's history at a glance. */
export function HistoryList({ entries }: { entries: TimelineEntry[] }) {
  const styles = useHistoryStyles();
  const emailLink = (emailId: string, title: string) => (
    <Link href={consoleEmailPath(emailId)} target="_blank">
      {title}
    </Link>
  );
  return (
    <Section title="Recent history" isEmpty={entries.length === 0} empty="Nothing filed or logged yet">
      <EntryList ordered entries={entries.map((entry) => historyEntry(entry, emailLink, styles.snippet))} />
    </Section>
  );
}
