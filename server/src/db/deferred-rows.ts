import type { Knex } from 'knex';
import type { Db } from './types.js';

type Row = Record<string, unknown>;

/** Rows a transaction has put off, by table, in the order they came. */
const deferredIn = new WeakMap<Knex.Transaction, Map<string, Row[]>>();

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table put off. */
const ROWS_PER_INSERT = 500;

/**
 * Puts off, until writeDeferredRows, the rows this transaction appends and nothing reads back before
 * it ends (audit entries, the support mail ledger, a new email's search row). Work that takes in
 * many items in one transaction then costs one INSERT per table rather than one per row: a round
 * trip to the database is most of what a small write costs.
 */
export function deferRowsIn(trx: Knex.Transaction): void {
  deferredIn.set(trx, new Map());
}

/** Puts the row off when the transaction defers rows, answering whether it did. */
export function deferRow(db: Db, table: string, row: Row): boolean {
  const deferred = deferredIn.get(db as Knex.Transaction);
  if (!deferred) return false;
  const rows = deferred.get(table);
  if (rows) rows.push(row);
  else deferred.set(table, [row]);
  return true;
}

/** Inserts the row now, or with the transaction's other deferred rows when it defers them. */
export async function insertOrDefer(db: Db, table: string, row: Row): Promise<void> {
  if (!deferRow(db, table, row)) await db(table).insert(row);
}

/** Writes the rows the transaction put off; it goes on deferring the ones that come after. */
export async function writeDeferredRows(trx: Knex.Transaction): Promise<void> {
  const deferred = deferredIn.get(trx);
  if (!deferred) return;
  for (const [table, rows] of deferred) {
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await trx(table).insert(rows.slice(start, start + ROWS_PER_INSERT));
    }
  }
  deferred.clear();
}
