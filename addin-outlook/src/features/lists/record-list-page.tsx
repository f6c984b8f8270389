import {
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import {
  LIST_COLUMNS,
  LIST_DEFAULT_SORT,
  LIST_TITLES,
  type ApiError,
  type ListCount,
  type ListName,
  type ListPageOf,
  type ListViewRows,
} from '@inbox-crm/shared/client';
import { useListStyles } from '../../ui/list-styles.js';
import { LoadMore } from '../../ui/load-more.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { saveFile } from '../../ui/save-file.js';
import { EmptyState } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useNarrow } from '../../ui/use-narrow.js';
import { usePagedList } from '../../ui/use-paged-list.js';
import { asApiError } from '../../ui/use-request.js';
import { useNavigate } from '../console/console-link.js';
import { CONSOLE_PATHS, recordTypeOfList } from '../console/console-route.js';
import { useCreateRecord } from '../record-forms/create-record.js';
import { LIST_CELLS } from './list-cells.js';
import { ListFilters, type FilterValues } from './list-filters.js';
import { isFiltered, listQueryOf, searchOf } from './list-params.js';
import { ReportNarrowing } from './report-narrowing.js';

type Row = { id: string; version: number; deletedAt: string | null };

const useStyles = makeStyles({
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  count: { color: tokens.colorNeutralForeground3, flexGrow: 1 },
  scroller: { overflowX: 'auto', minWidth: 0 },
  table: { minWidth: '640px' },
  cell: { overflowWrap: 'anywhere' },
  stacked: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: '2px' },
});

/** Columns a stacked row leaves out: the amount already shows its currency. */
const NARROW_OMITS = new Set(['currency']);

/** "1,234 opportunities", or "More than 10,000 contacts" past the count's cap. */
export function countText(list: ListName, total: ListCount): string {
  const { plural, singular } = LIST_TITLES[list];
  const noun = total.value === 1 && !total.capped ? singular : plural.toLowerCase();
  const figure = total.value.toLocaleString();
  return total.capped ? `More than ${figure} ${noun}` : `${figure} ${noun}`;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A record type's list: filters in the address, a count of matches, sortable columns, a page at a
 * time, and an export of exactly the rows and columns shown. Deleted rows can be restored.
 */
export function RecordListPage<L extends ListName>({ list, search }: { list: L; search: string }) {
  const styles = useStyles();
  const lists = useListStyles();
  const { api, user } = useServices();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const query = listQueryOf(list, search);
  const title = LIST_TITLES[list].plural;
  const columns = LIST_COLUMNS[list] as { key: string; label: string; sort?: string }[];
  const cells = LIST_CELLS[list] as Record<string, (row: ListViewRows[L]) => ReactNode>;
  const page = usePagedList<ListViewRows[L]>(`${list}${search}`, (cursor) =>
    api.list(list, { ...query, ...(cursor ? { cursor } : {}) }),
  );
  const [exporting, setExporting] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useCreateRecord();
  const recordType = recordTypeOfList(list);

  const setQuery = useCallback(
    (next: object) => navigate(CONSOLE_PATHS.list(list, searchOf(next)), { replace: true }),
    [list, navigate],
  );
  const change = useCallback(
    (patch: FilterValues) => setQuery({ ...listQueryOf(list, window.location.search), ...patch }),
    [list, setQuery],
  );

  const sort = (query as { sort?: string }).sort ?? LIST_DEFAULT_SORT[list];
  /** A column's first click sorts by it ascending, the next descending. */
  const sortBy = (key: string) => change({ sort: sort === key ? `-${key}` : key });

  async function exportCsv() {
    setExporting(true);
    setProblem(null);
    try {
      const { cursor: _cursor, limit: _limit, ...shown } = query as { cursor?: string; limit?: number };
      saveFile(await api.exportList(list, shown as typeof query), `${list}-${today()}.csv`);
    } catch (error) {
      setProblem(asApiError(error));
    } finally {
      setExporting(false);
    }
  }

  async function restore(row: Row, name: string) {
    if (!recordType) return;
    setProblem(null);
    try {
      await api.restoreRecord(recordType, row.id);
      setNotice(`${name} is restored.`);
      page.reload();
    } catch (error) {
      setProblem(asApiError(error));
    }
  }

  // While another sort or filter loads, the rows shown stay until the new ones arrive.
  const shown = useRef<{ rows: (ListViewRows[L] & Row)[]; total: ListCount } | null>(null);
  if (page.state.status === 'done') {
    const { total } = page.state.data as ListPageOf<ListViewRows[L]>;
    shown.current = { rows: page.items as (ListViewRows[L] & Row)[], total };
  } else if (page.state.status === 'failed') {
    shown.current = null;
  }
  const loading = page.state.status === 'loading';
  const rows = shown.current?.rows ?? [];
  const total = shown.current?.total ?? null;
  const deleted = (query as { deleted?: boolean }).deleted === true;
  const filtered = isFiltered(query);
  const nameOf = (row: ListViewRows[L]) => {
    const named = row as { name?: string; subject?: string; title?: string };
    return named.name ?? named.subject ?? named.title ?? '';
  };
  const restoreButton = (row: ListViewRows[L] & Row) => (
    <Button size="small" onClick={() => void restore(row, nameOf(row))}>
      Restore
    </Button>
  );

  return (
    <>
      <div className={styles.heading}>
        <Text as="h1" size={600} weight="semibold">
          {deleted ? `Deleted ${title.toLowerCase()}` : title}
        </Text>
        <Text className={styles.count} role="status">
          {total && countText(list, total)}
        </Text>
        {recordType && !deleted && (
          <Button appearance="primary" onClick={() => create(recordType)}>
            New {LIST_TITLES[list].singular}
          </Button>
        )}
        <Button onClick={() => void exportCsv()} disabled={exporting || rows.length === 0}>
          {exporting ? 'Exporting…' : 'Export CSV'}
        </Button>
        {recordType && !deleted && user.role !== 'member' && (
          <Button onClick={() => navigate(CONSOLE_PATHS.imports(recordType))}>Import CSV</Button>
        )}
      </div>
      <ListFilters
        list={list}
        values={query as FilterValues}
        onChange={change}
        {...(filtered ? { onClear: () => setQuery({ sort: (query as { sort?: string }).sort }) } : {})}
      />
      <ReportNarrowing values={query as FilterValues} />
      {notice && (
        <MessageBar intent="success" aria-live="polite">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {problem && <ProblemMessage error={problem} />}
      {loading && (
        <Spinner size={rows.length > 0 ? 'tiny' : 'medium'} label={`Loading ${title.toLowerCase()}…`} />
      )}
      {page.state.status === 'failed' && <ProblemMessage error={page.state.error} onRetry={page.reload} />}
      {!loading && total && rows.length === 0 && (
        <EmptyState
          title={filtered ? `No ${title.toLowerCase()} match these filters` : `No ${title.toLowerCase()} yet`}
        >
          {filtered
            ? 'Clear or change a filter to see more.'
            : `${title} appear here as you create them, file mail to them or bring them in.`}
        </EmptyState>
      )}
      {rows.length > 0 &&
        (narrow ? (
          <ul className={lists.list} aria-label={title} aria-busy={loading}>
            {rows.map((row) => (
              <li key={row.id} className={lists.entry}>
                <Text weight="semibold">{cells[columns[0]!.key]!(row)}</Text>
                <span className={mergeClasses(styles.stacked, lists.meta)}>
                  {columns
                    .slice(1)
                    .filter((column) => !NARROW_OMITS.has(column.key))
                    .map((column) => ({ key: column.key, value: cells[column.key]!(row) }))
                    .filter(
                      ({ value }) => value !== null && value !== undefined && value !== false && value !== '',
                    )
                    .map(({ key, value }, index, shown) => (
                      // The dot ends a part, so a wrapped line starts with a value, not a dot.
                      <span key={key}>
                        {value}
                        {index < shown.length - 1 && ' ·'}
                      </span>
                    ))}
                </span>
                {deleted && restoreButton(row)}
              </li>
            ))}
          </ul>
        ) : (
          <div className={styles.scroller}>
            <Table aria-label={title} aria-busy={loading} className={styles.table} size="small">
              <TableHeader>
                <TableRow>
                  {columns.map((column) => (
                    <TableHeaderCell
                      key={column.key}
                      {...(column.sort
                        ? {
                            sortable: true,
                            sortDirection:
                              sort === column.sort
                                ? 'ascending'
                                : sort === `-${column.sort}`
                                  ? 'descending'
                                  : undefined,
                            onClick: () => sortBy(column.sort!),
                          }
                        : {})}
                    >
                      {column.label}
                    </TableHeaderCell>
                  ))}
                  {deleted && <TableHeaderCell>Actions</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id}>
                    {columns.map((column) => (
                      <TableCell key={column.key} className={styles.cell}>
                        {cells[column.key]!(row)}
                      </TableCell>
                    ))}
                    {deleted && <TableCell>{restoreButton(row)}</TableCell>}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ))}
      <LoadMore list={page} label="Show more" />
    </>
  );
}
