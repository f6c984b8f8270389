import { makeStyles, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { useState } from 'react';
import {
  consoleEmailPath,
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
import { isCsv } from './import-words.js';

interface Filter {
  action: ImportRowAction | null;
  label: string;
}

const CSV_FILTERS: Filter[] = [
  { action: 'refuse', label: 'Refused' },
  { action: 'create', label: 'New' },
  { action: 'update', label: 'Changed' },
  { action: 'unchanged', label: 'Up to date' },
  { action: null, label: 'All' },
];
const MAIL_FILTERS: Filter[] = [
  { action: 'refuse', label: 'Refused' },
  { action: 'skip', label: 'Skipped' },
  { action: 'create', label: 'Filed' },
  { action: 'unchanged', label: 'Filed before' },
  { action: null, label: 'All' },
];

// Five filters do not fit a narrow pane on one line.
const useStyles = makeStyles({ tabs: { flexWrap: 'wrap' } });

/** The records with a page of their own; notes and calls are read on their contact's timeline. */
const PAGE_TYPES = new Set<string>(['account', 'contact', 'opportunity', 'case']);

const MAIL_WORDS: Record<ImportRowAction, string> = {
  create: 'Filed',
  update: 'Filed',
  unchanged: 'Filed before',
  refuse: 'Refused',
  skip: 'Skipped',
};

/** Where a row's record is read: its page, or the email's; none after a revert, which deleted it. */
function pageOf(item: Import, run: 'preview' | 'import', row: ImportRowOutcome): string | null {
  if (run !== 'import' || row.recordId === null || item.status === 'reverted') return null;
  if (item.recordType === 'email') return consoleEmailPath(row.recordId);
  return PAGE_TYPES.has(item.recordType)
    ? consoleRecordPath({ type: item.recordType as RecordType, id: row.recordId })
    : null;
}

function RowEntry({ row, item, run }: { row: ImportRowOutcome; item: Import; run: 'preview' | 'import' }) {
  const lists = useListStyles();
  const mail = !isCsv(item);
  const words = mail
    ? MAIL_WORDS[row.action]
    : IMPORT_ACTION_WORDS[row.action][run === 'preview' ? 'would' : 'did'];
  const place = `${mail ? 'Message' : 'Line'} ${row.rowNumber}`;
  const title = row.label || place;
  const target = pageOf(item, run, row);
  return (
    <li className={lists.entry}>
      <Text weight="semibold">{target ? <ConsoleLink to={target}>{title}</ConsoleLink> : title}</Text>
      <Text className={lists.meta}>
        {metaLine(
          row.label && place,
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
  const filters = isCsv(item) ? CSV_FILTERS : MAIL_FILTERS;
  const firstShown =
    filters.find((filter) => filter.action !== null && counts[filter.action] > 0) ?? filters[4]!;
  const [action, setAction] = useState<ImportRowAction | null>(firstShown.action);
  const rows = usePagedList(`${item.id}:${run}:${action}:${item.status}`, (cursor) =>
    api.importRows(item.id, { run, ...(action ? { action } : {}), ...(cursor ? { cursor } : {}), limit: 50 }),
  );
  const title =
    run === 'preview'
      ? 'What each row would do'
      : isCsv(item)
        ? 'What each row did'
        : 'What each message came to';
  return (
    <Section title={title}>
      <TabList
        selectedValue={action ?? 'all'}
        onTabSelect={(_, data) => setAction(data.value === 'all' ? null : (data.value as ImportRowAction))}
        size="small"
        className={styles.tabs}
      >
        {filters.map((filter) => (
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
