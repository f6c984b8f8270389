import type { Knex } from 'knex';
import { ValidationFailed } from '../errors.js';

/** A column (or expression) a list sorts by; `cast` is its SQL type, for comparing with a cursor. */
export interface SortColumn {
  sql: string;
  cast: 'text' | 'date' | 'timestamptz' | 'bigint' | 'integer';
  nullable: boolean;
}

export interface SortedPageOptions {
  column: SortColumn;
  descending: boolean;
  /** The row's id column, qualified: the tie-breaker that makes the order total. */
  idColumn: string;
  cursor: string | undefined;
  limit: number;
}

type CursorKey = [value: string | null, id: string];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const encode = (key: CursorKey) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

function decode(cursor: string): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (
    Array.isArray(key) &&
    key.length === 2 &&
    (typeof key[0] === 'string' || key[0] === null) &&
    typeof key[1] === 'string' &&
    UUID.test(key[1])
  ) {
    return key as CursorKey;
  }
  throw new ValidationFailed('The cursor is not valid: pass nextCursor from the previous page unchanged.', [
    { in: 'querystring', path: '/cursor', message: 'is not a cursor this API issued' },
  ]);
}

/**
 * Narrows `query` to the rows after the cursor and orders it, keyset style: every page is one
 * index range, however deep. Nulls sort as PostgreSQL's default does, after every value ascending
 * and before them descending, so an index on (org_id, column, id) serves both directions.
 */
export function applySortedPage(query: Knex.QueryBuilder, options: SortedPageOptions): void {
  const { column, descending, idColumn } = options;
  const direction = descending ? 'desc' : 'asc';
  if (options.cursor !== undefined) {
    const [value, id] = decode(options.cursor);
    const after = descending ? '<' : '>';
    if (value === null) {
      // In the nulls: the rest of them, and descending, every row with a value.
      const rest = `(${column.sql} IS NULL AND ${idColumn} ${after} ?)`;
      query.whereRaw(descending ? `(${rest} OR ${column.sql} IS NOT NULL)` : rest, [id]);
    } else {
      const rows = `(${column.sql}, ${idColumn}) ${after} (?::${column.cast}, ?::uuid)`;
      const nullsAfter = column.nullable && !descending ? ` OR ${column.sql} IS NULL` : '';
      query.whereRaw(`(${rows}${nullsAfter})`, [value, id]);
    }
  }
  // The limit is written into the statement, not bound: a generic plan that cannot see it plans
  // for a tenth of the table and starts parallel workers for every page.
  query
    .orderByRaw(`${column.sql} ${direction}, ${idColumn} ${direction}`)
    .limit(options.limit + 1, { skipBinding: true });
}

/**
 * Splits the fetched rows (one more than a page) into the page and the cursor to the next one.
 * Rows carry their sort value as text (`sort_key`), exact to the microsecond where a JavaScript
 * Date would round a timestamp and repeat a row on the next page.
 */
export function sortedPage<Row extends { id: string; sort_key: string | null }>(
  rows: Row[],
  limit: number,
): { rows: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  if (rows.length <= limit || !last) return { rows: page, nextCursor: null };
  return { rows: page, nextCursor: encode([last.sort_key, last.id]) };
}
