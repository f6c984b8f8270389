import type { Knex } from 'knex';
import type { OwnerFilter } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { SortColumn } from '../../db/sorted-pages.js';
import type { Db } from '../../db/types.js';
import { Unprocessable } from '../../errors.js';

/** What every list query has besides its own filters. */
export interface CommonListQuery {
  cursor?: string;
  limit?: number;
  deleted?: boolean;
  q?: string;
  sort?: string;
}

/** A row as a list's SELECT returns it: the columns it names, and the key the page is sorted by. */
export type SelectedRow = Record<string, unknown> & { id: string; sort_key: string | null };

/**
 * One record type's list: which rows match a query (`matching`, the FROM and WHERE alone, so the
 * count runs without the joins that only name things), what a row shows (`select`), how it sorts,
 * and how a selected row becomes the API's row.
 */
export interface ListDefinition<Query extends CommonListQuery, Row> {
  /** The listed table's alias in every statement, e.g. `o` for opportunities. */
  alias: string;
  /** The columns it sorts by, by the key a query names (`-key` for descending). */
  sorts: Record<string, SortColumn>;
  matching(db: Db, actor: Actor, query: Query): Knex.QueryBuilder;
  /** Adds the joins and columns a row shows to a `matching` query. */
  select(db: Db, builder: Knex.QueryBuilder): void;
  toRows(db: Db, actor: Actor, rows: SelectedRow[]): Promise<Row[]>;
  /**
   * A search whose matches the sort's index cannot find in order, split where the list knows how;
   * undefined where `matching` serves as it is.
   */
  splitSearch?(db: Db, actor: Actor, query: Query, sort: SortColumn): SplitSearch | undefined;
}

/**
 * A search as parts whose rows together are exactly `matching`'s, each read in the list's order
 * by its own plan (see applySortedPage); `unsearched` is `matching` without the search, to which
 * the page's rows are narrowed.
 */
export interface SplitSearch {
  unsearched: Knex.QueryBuilder;
  parts: Knex.QueryBuilder[];
}

/** The team's members as a subquery, or a clear refusal for someone in no team. */
function teamMembers(db: Db, actor: Actor): Knex.QueryBuilder {
  if (!actor.teamId) {
    throw new Unprocessable(
      'no_team',
      'You are in no team, so there is no team to list; an admin can add you to one.',
    );
  }
  return db('users').where({ org_id: actor.orgId, team_id: actor.teamId }).select('id');
}

/** Narrows to the rows a person, the caller or the caller's team owns (or is assigned). */
export function whereOwnedBy(
  db: Db,
  builder: Knex.QueryBuilder,
  column: string,
  owner: OwnerFilter | undefined,
  actor: Actor,
): void {
  if (owner === undefined) return;
  if (owner === 'me') builder.where(column, actor.userId);
  else if (owner === 'team') builder.whereIn(column, teamMembers(db, actor));
  else builder.where(column, owner);
}

/** The organisation's rows of a table, live or (with `deleted`) the trash. */
export function organisationRows(db: Db, table: string, alias: string, actor: Actor, deleted?: boolean) {
  const builder = db(`${table} as ${alias}`).where(`${alias}.org_id`, actor.orgId);
  if (deleted) builder.whereNotNull(`${alias}.deleted_at`);
  else builder.whereNull(`${alias}.deleted_at`);
  return builder;
}

/** `%` and `_` match themselves in a LIKE pattern built from what someone typed. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** One value or several, as a list for whereIn. */
export const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** A contact's name as the API shows it. */
export const contactNameSql = (alias: string) => `trim(${alias}.first_name || ' ' || ${alias}.last_name)`;

/** `{ id, name }` of a joined record, or null when the row points at none. */
export function namedRef(id: unknown, name: unknown): { id: string; name: string } | null {
  return typeof id === 'string' ? { id, name: typeof name === 'string' ? name : '' } : null;
}

/** The columns every row starts with (a RecordMetaRow), of the listed table. */
export const metaColumns = (alias: string) =>
  ['id', 'version', 'created_at', 'updated_at', 'deleted_at'].map((column) => `${alias}.${column}`);
