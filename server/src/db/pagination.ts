import type { Knex } from 'knex';
import type { PageOf } from '@inbox-crm/shared';
import { decodeIdCursor, encodeCursor } from './cursor.js';

export const DEFAULT_PAGE_SIZE = 25;

/**
 * Runs a list query newest first (UUIDv7 ids sort by creation), one page at a time.
 * `idColumn` is qualified when the query joins.
 */
export async function pageById<Row extends { id: string }, Item>(
  query: Knex.QueryBuilder,
  options: { cursor?: string | undefined; limit?: number | undefined; idColumn?: string },
  toItem: (row: Row) => Item,
): Promise<PageOf<Item>> {
  const limit = options.limit ?? DEFAULT_PAGE_SIZE;
  const idColumn = options.idColumn ?? 'id';
  if (options.cursor) query.where(idColumn, '<', decodeIdCursor(options.cursor));
  const rows = (await query.orderBy(idColumn, 'desc').limit(limit + 1)) as Row[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
  };
}
