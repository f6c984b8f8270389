import {
  LIST_COUNT_CAP,
  LIST_DEFAULT_SORT,
  type ListCount,
  type ListName,
  type ListPageOf,
  type ListViewQueries,
  type ListViewRows,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import { applySortedPage, sortedPage, type SortColumn } from '../../db/sorted-pages.js';
import type { Db } from '../../db/types.js';
import { DEFAULT_PAGE_SIZE } from '../../db/pagination.js';
import { accountList } from './account-list.js';
import { activityList } from './activity-list.js';
import { caseList } from './case-list.js';
import { contactList } from './contact-list.js';
import type { CommonListQuery, ListDefinition, SelectedRow } from './list-definition.js';
import { opportunityList } from './opportunity-list.js';
import { taskList } from './task-list.js';

const LISTS: { [L in ListName]: ListDefinition<ListViewQueries[L], ListViewRows[L]> } = {
  accounts: accountList,
  contacts: contactList,
  opportunities: opportunityList,
  cases: caseList,
  tasks: taskList,
  activities: activityList,
};

/** Rows an export reads per statement: large enough to be quick, small enough to stream. */
const EXPORT_BATCH = 1000;

function sortOf<Q extends CommonListQuery, R>(name: ListName, list: ListDefinition<Q, R>, query: Q) {
  const choice = query.sort ?? LIST_DEFAULT_SORT[name];
  const descending = choice.startsWith('-');
  // The query schema admits only the list's own sort keys.
  const column = list.sorts[descending ? choice.slice(1) : choice] as SortColumn;
  return { column, descending };
}

async function selectPage<Q extends CommonListQuery, R>(
  db: Db,
  actor: Actor,
  name: ListName,
  list: ListDefinition<Q, R>,
  query: Q,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: R[]; nextCursor: string | null }> {
  const { column, descending } = sortOf(name, list, query);
  const page = { column, descending, idColumn: `${list.alias}.id`, cursor, limit };
  const split = list.splitSearch?.(db, actor, query, column);
  const builder = split?.unsearched ?? list.matching(db, actor, query);
  if (split) {
    // Each part's page, in order: the page is among them.
    for (const part of split.parts) applySortedPage(part.select(page.idColumn), page);
    builder.whereIn(page.idColumn, db.unionAll(split.parts, true));
  }
  list.select(db, builder);
  builder.select(db.raw(`(${column.sql})::text AS sort_key`));
  applySortedPage(builder, page);
  const { rows, nextCursor } = sortedPage((await builder) as SelectedRow[], limit);
  return { items: await list.toRows(db, actor, rows), nextCursor };
}

/**
 * How many rows match, counted up to the cap: counting a million rows exactly is not worth a wait.
 * A split search counts its parts, which hold no row twice, up to the cap in all.
 */
async function countMatches<Q extends CommonListQuery, R>(
  db: Db,
  actor: Actor,
  name: ListName,
  list: ListDefinition<Q, R>,
  query: Q,
): Promise<ListCount> {
  const capped = (builder: Knex.QueryBuilder) => builder.select(db.raw('1')).limit(LIST_COUNT_CAP + 1);
  const split = list.splitSearch?.(db, actor, query, sortOf(name, list, query).column);
  const matching = split
    ? capped(
        db.from(
          db.raw(`(${split.parts.map(() => '(?)').join(' UNION ALL ')}) AS u`, split.parts.map(capped)),
        ),
      )
    : capped(list.matching(db, actor, query));
  const row = (await db.from(matching.as('m')).count({ n: '*' }).first()) as { n: number | string };
  const n = Number(row.n);
  return { value: Math.min(n, LIST_COUNT_CAP), capped: n > LIST_COUNT_CAP };
}

/** One page of a list, sorted and filtered as asked, with how many rows match in all. */
export async function listPage<L extends ListName>(
  db: Db,
  actor: Actor,
  name: L,
  query: ListViewQueries[L],
): Promise<ListPageOf<ListViewRows[L]>> {
  const list = LISTS[name] as ListDefinition<ListViewQueries[L], ListViewRows[L]>;
  const [page, total] = await Promise.all([
    selectPage(db, actor, name, list, query, query.cursor, query.limit ?? DEFAULT_PAGE_SIZE),
    countMatches(db, actor, name, list, query),
  ]);
  return { ...page, total };
}

/** One page of a list without its count, for a caller that knows the count already (a board's totals). */
export async function listPageUncounted<L extends ListName>(
  db: Db,
  actor: Actor,
  name: L,
  query: ListViewQueries[L],
): Promise<{ items: ListViewRows[L][]; nextCursor: string | null }> {
  const list = LISTS[name] as ListDefinition<ListViewQueries[L], ListViewRows[L]>;
  return selectPage(db, actor, name, list, query, query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
}

/** Every row of a list in its order, a batch at a time, for an export. */
export async function* allRows<L extends ListName>(
  db: Db,
  actor: Actor,
  name: L,
  query: ListViewQueries[L],
): AsyncGenerator<ListViewRows[L]> {
  const list = LISTS[name] as ListDefinition<ListViewQueries[L], ListViewRows[L]>;
  let cursor: string | undefined;
  do {
    const page = await selectPage(db, actor, name, list, query, cursor, EXPORT_BATCH);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
