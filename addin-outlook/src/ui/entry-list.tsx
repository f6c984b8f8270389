import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useListStyles } from './list-styles.js';

export interface ListEntry {
  key: string;
  title: ReactNode;
  /** The muted line under the title. */
  meta?: ReactNode;
  /** Anything more: a snippet, links. */
  more?: ReactNode;
}

/** Entries stacked, each a title over a muted line: the app's one list look. */
export function EntryList({
  entries,
  label,
  ordered = false,
}: {
  entries: ListEntry[];
  label?: string;
  ordered?: boolean;
}) {
  const lists = useListStyles();
  const items = entries.map((entry) => (
    <li key={entry.key} className={lists.entry}>
      {entry.title}
      {entry.meta && (
        <Text size={200} className={lists.meta}>
          {entry.meta}
        </Text>
      )}
      {entry.more}
    </li>
  ));
  return ordered ? (
    <ol className={lists.list} aria-label={label}>
      {items}
    </ol>
  ) : (
    <ul className={lists.list} aria-label={label}>
      {items}
    </ul>
  );
}
