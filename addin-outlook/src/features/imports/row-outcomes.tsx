import { makeStyles, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { useState } from 'react';
import {
  consoleRecordPath,
  IMPORT_ACTION_WORDS,
  type Import,
  type ImportCounts,
  type ImportRowAction,
  type ImportRowOutcome,
  type RecordType,
} from '@inbox-crm/shared/client';
import { metaLine } from '../../ui/format.js';
import { useListStyles } from '../../ui/list-styles.js';
import { LoadMore } from '../../ui/load-more.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { usePagedList } from '../../ui/use-paged-list.js';
import { ConsoleLink } from '../console/console-link.js';

const FILTERS: { action: ImportRowAction | null; label: string }[] = [
  { action: 'refuse', label: 'Refused' },
  { action: 'create', label: 'New' },
  { action: 'update', label: 'Changed' },
  { action: 'unchanged', label: 'Up to date' },
  { action: null, label: 'All' },
];

// Five filters do not fit a narrow pane on one line.
const useStyles = makeStyles({ tabs: { flexWrap: 'wrap' } });

/** The records with a page of their own; notes and calls are read on their contact's timeline. */
const PAGE_TYPES = new Set<string>(['account', 'contact', 'opportunity', 'case']);

function RowEntry({ row, item, run }: { row: ImportRowOutcome; item: Import; run: 'preview' | 'import' }) {
  const lists = useListStyles();
  const words = IMPORT_ACTION_WORDS[row.action][run === 'preview' ? 'would' : 'did'];
  const title = row.label || `Line ${row.rowNumber}`;
  // After a revert the records it made are gone: their rows no longer link.
  const linked =
    run === 'import' &&
    row.recordId !== null &&
    item.status !== 'reverted' &&
    PAGE_TYPES.has(item.recordType);
  return (
    <li className={lists.entry}>
      <Text weight="semibold">
        {linked ? (
          <ConsoleLink to={consoleRecordPath({ type: item.recordType as RecordType, id: row.recordId! })}>
            {title}
          </ConsoleLink>
        ) : (
          title
        )}
      </Text>
      <Text className={lists.meta}>
        {metaLine(
          row.label && `Line ${row.rowNumber}`,
          words,
          row.changedFields.length > 0 && `${row.changedFields.length} fields`,
          row.reason,
        )}
      </Text>
    </li>
  );
}

/** Each row's outcome in a run, refusals first, a page at a time. */
export function RowOutcomes({
  item,
  run,
  counts,
}: {
  item: Import;
  run: 'preview' | 'import';
  counts: ImportCounts;
}) {
  const lists = useListStyles();
  const styles = useStyles();
  const { api } = useServices();
  const firstShown =
    FILTERS.find((filter) => filter.action !== null && counts[filter.action] > 0) ?? FILTERS[4]!;
  const [action, setAction] = useState<ImportRowAction | null>(firstShown.action);
  const rows = usePagedList(`${item.id}:${run}:${action}:${item.status}`, (cursor) =>
    api.importRows(item.id, { run, ...(action ? { action } : {}), ...(cursor ? { cursor } : {}), limit: 50 }),
  );
  const title = run === 'preview' ? 'What each row would do' : 'What each row did';
  return (
    <Section title={title}>
      <TabList
        selectedValue={action ?? 'all'}
        onTabSelect={(_, data) => setAction(data.value === 'all' ? null : (data.value as ImportRowAction))}
        size="small"
        className={styles.tabs}
      >
        {FILTERS.map((filter) => (
          <Tab key={filter.label} value={filter.action ?? 'all'}>
            {filter.label}
            {filter.action ? ` (${counts[filter.action].toLocaleString()})` : ''}
          </Tab>
        ))}
      </TabList>
      {rows.state.status === 'loading' && <Spinner size="tiny" label="Loading rows…" />}
      {rows.state.status === 'failed' && <ProblemMessage error={rows.state.error} onRetry={rows.reload} />}
      {rows.state.status === 'done' && rows.items.length === 0 && <Text>No rows.</Text>}
      <ul className={lists.list} aria-label={title}>
        {rows.items.map((row) => (
          <RowEntry key={row.rowNumber} row={row} item={item} run={run} />
        ))}
      </ul>
      <LoadMore list={rows} label="Show more rows" />
    </Section>
  );
}
