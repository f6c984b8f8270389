import type { Knex } from 'knex';

/** A knex or an open transaction: repositories take either, so services decide the transaction. */
export type Db = Knex | Knex.Transaction;

export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}

/** A text[] parameter that may hold nulls: both drivers send them as SQL NULL, knex's types just do not allow it. */
export function textArray(values: ReadonlyArray<string | null>): string[] {
  return values as string[];
}
