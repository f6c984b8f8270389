import type { Knex } from 'knex';
import type { TSchema } from 'typebox';
import type { Actor } from '../../actor.js';
import { compiledSchema } from '../../http/compiled-schema.js';
import type { RowValues } from './cell-values.js';
import type { ImportContext } from './import-context.js';
import { RowRefused, type Written } from './outcome.js';

/** A record as the services answer it: enough to match, compare and revert. */
export interface ImportedRecord {
  id: string;
  version: number;
  deletedAt: string | null;
}

/** What a row made: its record, and the account made for its company, if one was. */
export interface Made {
  id: string;
  createdAccountId: string | null;
}

/** What a row changes on a record it matched: the fields that differ, as the API names them. */
export interface Changes {
  fields: Record<string, unknown>;
  createdAccountId: string | null;
}

/** How one record type is read from a row, matched, made and changed; the runner does the rest. */
export interface RecordWriter<Parsed, Api extends ImportedRecord> {
  /** The row's values, checked (throws RowRefused with what is wrong). */
  read(values: RowValues, context: ImportContext): Parsed;
  /** What the row names its record by, shown beside its outcome. */
  label(parsed: Parsed): string;
  /** Rows of one file with the same key are one record: the second is refused. */
  key(parsed: Parsed): string;
  /**
   * Whether the chunks of a run may be written side by side: two rows of a file never hold the same
   * key, and anything else rows share (a company) goes through the company desk.
   */
  sideBySide?: boolean;
  find(trx: Knex.Transaction, context: ImportContext, parsed: Parsed): Promise<Api | undefined>;
  create(trx: Knex.Transaction, context: ImportContext, parsed: Parsed): Promise<Made>;
  changes(trx: Knex.Transaction, context: ImportContext, parsed: Parsed, existing: Api): Promise<Changes>;
  /** find for many rows at once, in their order (a writer may leave it out: rows are then found one by one). */
  findMany?: (
    trx: Knex.Transaction,
    context: ImportContext,
    rows: readonly Parsed[],
  ) => Promise<(Api | undefined | RowRefused)[]>;
  /**
   * create for many new rows at once, in their order: each what it made or why it was refused. It
   * throws when the batch as a whole is refused; its rows are then made one by one.
   */
  createMany?: (
    trx: Knex.Transaction,
    context: ImportContext,
    rows: readonly Parsed[],
  ) => Promise<(Made | Error)[]>;
  /**
   * changes and update for many matched rows at once, in their order: each its outcome or why it was
   * refused. It throws when the batch as a whole is refused; its rows are then changed one by one.
   */
  updateMany?: (
    trx: Knex.Transaction,
    context: ImportContext,
    items: readonly { row: Parsed; existing: Api }[],
  ) => Promise<(Written | Error)[]>;
  /** The record type's own service: how it is read and updated, by the import and by its revert. */
  get: (trx: Knex.Transaction, actor: Actor, id: string) => Promise<Api>;
  update: (
    trx: Knex.Transaction,
    actor: Actor,
    id: string,
    fields: Record<string, unknown> & { version: number },
  ) => Promise<Api>;
  /** get for many records at once, in no particular order, leaving out those not found (revert uses it). */
  getMany?: (trx: Knex.Transaction, actor: Actor, ids: readonly string[]) => Promise<Api[]>;
  /**
   * update for many records at once, each from the version it was read at (revert puts fields back
   * with it). It throws when the batch as a whole is refused; the records are then updated one by one.
   */
  reviseMany?: (
    trx: Knex.Transaction,
    actor: Actor,
    changes: readonly { before: Api; fields: Record<string, unknown> }[],
  ) => Promise<unknown>;
  /** The table its records live in, for deleting what an import made. */
  table: 'accounts' | 'contacts' | 'opportunities' | 'cases' | 'activities';
}

/** The input checked against the API's own schema, so the service gets only what a request could send. */
export function checked<T>(schema: TSchema, input: T): T {
  const validator = compiledSchema(schema);
  if (!validator.Check(input)) {
    const first = validator.Errors(input)[0];
    throw new RowRefused(
      first ? `${first.instancePath.slice(1) || 'The row'} ${first.message}.` : 'The row is not valid.',
    );
  }
  return input;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `wanted` that differ from the record's, leaving out those the row left empty. */
export function differing(existing: object, wanted: Record<string, unknown>): Record<string, unknown> {
  const current = existing as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(wanted).filter(([field, value]) => value !== undefined && !same(current[field], value)),
  );
}
