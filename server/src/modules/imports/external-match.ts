import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import { NotFound } from '../../errors.js';
import { text, type RowValues } from './cell-values.js';
import { recordForExternalId, type ExternalKind } from './external-ids.js';
import type { ImportContext } from './import-context.js';
import { RowRefused } from './outcome.js';
import type { ImportedRecord } from './record-writer.js';

/** The id a row carries from the old system; every row of these record types needs one. */
export function externalIdIn(values: RowValues): string {
  const id = text(values, 'externalId', 'The id', 200);
  if (id === undefined)
    throw new RowRefused('The id from the old system is empty: it is how this row is matched.');
  return id;
}

/** The record an earlier import made for this id, unless it has since been deleted for good. */
export async function findByExternalId<Api extends ImportedRecord>(
  trx: Knex.Transaction,
  context: ImportContext,
  kind: ExternalKind,
  externalId: string,
  get: (trx: Knex.Transaction, actor: Actor, id: string) => Promise<Api>,
): Promise<Api | undefined> {
  const recordId = await recordForExternalId(trx, context.actor.orgId, kind, externalId);
  if (recordId === undefined) return undefined;
  try {
    const record = await get(trx, context.actor, recordId);
    if (record.deletedAt !== null)
      throw new RowRefused(`The record with id ${externalId} is in the trash: restore it first.`);
    return record;
  } catch (error) {
    if (error instanceof NotFound) return undefined;
    throw error;
  }
}
