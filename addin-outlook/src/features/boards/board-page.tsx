import { makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type {
  ApiClient,
  ApiError,
  BoardColumnOf,
  CasePriority,
  ListPageOf,
  OwnerFilter,
} from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { asApiError, useRequest } from '../../ui/use-request.js';
import { ConsoleLink, useNavigate } from '../console/console-link.js';
import { FilterSelect, ownerOptions, SearchBox } from '../lists/list-filters.js';
import { searchOf } from '../lists/list-params.js';
import { BoardView, type BoardColumnView } from './board-view.js';

const useStyles = makeStyles({
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
});

/** A board's filters, as its address holds them. */
export interface BoardFilters {
  owner?: OwnerFilter;
  q?: string;
  priority?: CasePriority | CasePriority[];
}

/** What makes a board of one record type: how it loads, pages a column, and moves an item. */
export interface BoardKind<Item extends { id: string; version: number }> {
  title: string;
  noun: string;
  path: string;
  listPath: string;
  /** A page of the board's settings, linked for admins (the service desk's mailboxes). */
  settings?: { path: string; label: string };
  load: (api: ApiClient, filters: BoardFilters) => Promise<{ columns: BoardColumnOf<Item>[] }>;
  more: (api: ApiClient, filters: BoardFilters, column: string, cursor: string) => Promise<ListPageOf<Item>>;
  /** Saves the move, and answers the item as it now is. */
  move: (api: ApiClient, item: Item, column: BoardColumnOf<Item>) => Promise<Item>;
  nameOf: (item: Item) => string;
  renderCard: (item: Item) => ReactNode;
  /** Filters of its own beside owner and search (a priority). */
  extraFilters?: (filters: BoardFilters, change: (patch: BoardFilters) => void) => ReactNode;
}

function filtersOf(search: string): BoardFilters {
  const params = new URLSearchParams(search);
  // The server checks each value; a bad one in a link gets its refusal on the page.
  const priority = params.getAll('priority') as CasePriority[];
  return {
    owner: (params.get('owner') ?? undefined) as OwnerFilter | undefined,
    q: params.get('q') ?? undefined,
    priority: priority.length === 0 ? undefined : priority.length === 1 ? priority[0] : priority,
  };
}

/**
 * A board: its filters in the address, its columns with counts, a card moved at once and saved
 * behind (put back, with the reason, when the save is refused), then the counts read again.
 */
export function BoardPage<Item extends { id: string; version: number }>({
  kind,
  search,
}: {
  kind: BoardKind<Item>;
  search: string;
}) {
  const styles = useStyles();
  const { api, user } = useServices();
  const navigate = useNavigate();
  const filters = filtersOf(search);
  const board = useRequest(`${kind.path}${search}`, () => kind.load(api, filters));
  const people = useRequest('users', () => api.users());
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);

  const change = (patch: BoardFilters) =>
    navigate(`${kind.path}${searchOf({ ...filters, ...patch })}`, { replace: true });
  const setColumns = (update: (columns: BoardColumnOf<Item>[]) => BoardColumnOf<Item>[]) =>
    board.update((data) => ({ columns: update(data.columns) }));

  async function move(item: Item, from: string, to: string) {
    if (board.state.status !== 'done') return;
    const target = board.state.data.columns.find((column) => column.id === to);
    if (!target) return;
    setFailure(null);
    setMoving(true);
    const before = board.state.data.columns;
    setColumns((columns) =>
      columns.map((column) =>
        column.id === from
          ? { ...column, items: column.items.filter((candidate) => candidate.id !== item.id) }
          : column.id === to
            ? { ...column, items: [item, ...column.items] }
            : column,
      ),
    );
    try {
      const saved = await kind.move(api, item, target);
      setNotice(`${kind.nameOf(saved)} moved to ${target.name}.`);
      board.refresh();
    } catch (error) {
      setColumns(() => before);
      setFailure(asApiError(error));
    } finally {
      setMoving(false);
    }
  }

  async function more(columnId: string) {
    if (board.state.status !== 'done') return;
    const column = board.state.data.columns.find((candidate) => candidate.id === columnId);
    if (!column?.nextCursor) return;
    try {
      const page = await kind.more(api, filters, columnId, column.nextCursor);
      setColumns((columns) =>
        columns.map((candidate) =>
          candidate.id === columnId
            ? { ...candidate, items: [...candidate.items, ...page.items], nextCursor: page.nextCursor }
            : candidate,
        ),
      );
    } catch (error) {
      setFailure(asApiError(error));
    }
  }

  const views: BoardColumnView<Item>[] =
    board.state.status === 'done'
      ? board.state.data.columns.map((column) => ({ ...column, hasMore: column.nextCursor !== null }))
      : [];

  return (
    <>
      <div className={styles.heading}>
        <Text as="h1" size={600} weight="semibold">
          {kind.title}
        </Text>
        <ConsoleLink to={`${kind.listPath}${searchOf(filters)}`}>Show as a list</ConsoleLink>
        {kind.settings && user.role === 'admin' && (
          <ConsoleLink to={kind.settings.path}>{kind.settings.label}</ConsoleLink>
        )}
      </div>
      <div className={styles.filters} role="search" aria-label="Filters">
        <SearchBox value={filters.q ?? ''} onChange={(q) => change({ q })} />
        <FilterSelect
          label="Owner"
          any="Anyone"
          value={filters.owner}
          options={ownerOptions(user, people.state.status === 'done' ? people.state.data.items : [])}
          onChange={(owner) => change({ owner: owner as OwnerFilter | undefined })}
        />
        {kind.extraFilters?.(filters, change)}
      </div>
      {notice && (
        <MessageBar intent="success" aria-live="polite">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {failure && <ProblemMessage error={failure} onRetry={board.reload} />}
      {board.state.status === 'loading' && <Spinner label={`Loading the ${kind.title.toLowerCase()}…`} />}
      {board.state.status === 'failed' && <ProblemMessage error={board.state.error} onRetry={board.reload} />}
      {board.state.status === 'done' && (
        <BoardView
          label={kind.title}
          noun={kind.noun}
          columns={views}
          nameOf={kind.nameOf}
          renderCard={kind.renderCard}
          onMove={(item, from, to) => void move(item, from, to)}
          onMore={(column) => void more(column)}
          disabled={moving}
        />
      )}
    </>
  );
}
