import type { Knex } from 'knex';
import type {
  MergeableType,
  MergeField,
  MergeMoves,
  MergePreviewOf,
  MergeRequestOf,
  MergeResultOf,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { NotFound, StaleVersion, Unprocessable } from '../../errors.js';
import { emit } from '../../events/event-bus.js';
import { recordAudit } from '../audit/index.js';
import { lastWriterName } from '../records/index.js';
import { MERGE_KINDS, type MergeKind, type RecordOfMergeable } from './merge-kinds.js';

type Mergeable<T extends MergeableType> = RecordOfMergeable[T];

function refuseSelf(kind: MergeKind<MergeableType>, id: string, duplicateId: string): void {
  if (id === duplicateId) {
    throw new Unprocessable('same_record', `A ${kind.noun} cannot be merged with itself.`, [
      { in: 'body', path: '/duplicateId', message: 'must name another record' },
    ]);
  }
}

/** Both records, live; the kept one first. NotFound names which one is missing. */
async function loadPair<T extends MergeableType>(
  db: Db,
  orgId: string,
  kind: MergeKind<T>,
  id: string,
  duplicateId: string,
): Promise<[Mergeable<T>, Mergeable<T>]> {
  const [kept, duplicate] = await Promise.all([kind.load(db, orgId, id), kind.load(db, orgId, duplicateId)]);
  const label = kind.noun[0]!.toUpperCase() + kind.noun.slice(1);
  if (!kept || kept.deletedAt !== null) throw new NotFound(label);
  if (!duplicate || duplicate.deletedAt !== null) throw new NotFound(`The duplicate ${kind.noun}`);
  return [kept, duplicate];
}

async function countMoves(
  db: Db,
  orgId: string,
  kind: MergeKind<MergeableType>,
  fromId: string,
  toId: string,
) {
  const moves: MergeMoves = {
    activities: 0,
    tasks: 0,
    opportunities: 0,
    cases: 0,
    planEnrollments: 0,
    contacts: 0,
    emailAddresses: 0,
    phones: 0,
    domains: 0,
    consents: 0,
  };
  for (const move of kind.moves) moves[move.key] = await move.count(db, orgId, fromId, toId);
  return moves;
}

/** What merging `duplicateId` into `id` would move, with both records as they are now. */
export async function previewMerge<T extends MergeableType>(
  db: Db,
  actor: Actor,
  type: T,
  id: string,
  duplicateId: string,
): Promise<MergePreviewOf<Mergeable<T>>> {
  const kind = MERGE_KINDS[type] as MergeKind<T>;
  refuseSelf(kind, id, duplicateId);
  const [record, duplicate] = await loadPair(db, actor.orgId, kind, id, duplicateId);
  return { record, duplicate, moves: await countMoves(db, actor.orgId, kind, duplicateId, id) };
}

async function refuseStale(
  trx: Knex.Transaction,
  actor: Actor,
  kind: MergeKind<MergeableType>,
  record: { id: string; version: number; name: string },
  readAt: number,
): Promise<void> {
  if (record.version === readAt) return;
  const changedBy = await lastWriterName(trx, actor.orgId, kind.entity, record.id);
  throw new StaleVersion(record.name, record.version, changedBy);
}

/**
 * Merges the duplicate into the record kept, in one transaction: the kept record takes the fields
 * asked for from the duplicate; everything filed or linked to the duplicate moves over; the
 * duplicate goes to the trash pointing at the kept record, and so does anything merged into it before.
 */
export function mergeRecords<T extends MergeableType>(
  db: Knex,
  actor: Actor,
  type: T,
  id: string,
  request: MergeRequestOf<T>,
): Promise<MergeResultOf<Mergeable<T>>> {
  const kind = MERGE_KINDS[type] as MergeKind<T>;
  const { orgId } = actor;
  const duplicateId = request.duplicateId;
  refuseSelf(kind, id, duplicateId);
  return db.transaction(async (trx) => {
    // Both rows locked in one order, so two merges of the same pair cannot deadlock.
    await trx(kind.table).where({ org_id: orgId }).whereIn('id', [id, duplicateId]).orderBy('id').forUpdate();
    const [kept, duplicate] = await loadPair(trx, orgId, kind, id, duplicateId);
    await refuseStale(trx, actor, kind, kept, request.version);
    await refuseStale(trx, actor, kind, duplicate, request.duplicateVersion);

    const moves = await countMoves(trx, orgId, kind, duplicateId, id);
    for (const move of kind.moves) await move.run(trx, orgId, duplicateId, id);
    // The route's schema let through only this type's fields.
    const take = request.takeFromDuplicate as readonly MergeField<T>[];
    await kind.keepFields(trx, orgId, kept, duplicate, take);
    const bump = { version: trx.raw('version + 1'), updated_at: trx.fn.now() };
    await trx(kind.table).where({ org_id: orgId, id }).update(bump);
    await trx(kind.table)
      .where({ org_id: orgId, id: duplicateId })
      .update({ ...bump, deleted_at: trx.fn.now(), merged_into_id: id });
    await trx(kind.table)
      .where({ org_id: orgId, merged_into_id: duplicateId })
      .update({ merged_into_id: id });

    const keptAfter = (await kind.load(trx, orgId, id))!;
    const duplicateAfter = (await kind.load(trx, orgId, duplicateId))!;
    const entity = kind.entity;
    await emit(trx, {
      type: 'record.written',
      actor,
      entity,
      action: 'update',
      before: kept,
      after: keptAfter,
    });
    await emit(trx, {
      type: 'record.written',
      actor,
      entity,
      action: 'merge',
      before: duplicate,
      after: duplicateAfter,
    });
    await recordAudit(trx, actor, 'merge', entity, id, null, {
      duplicateId,
      takeFromDuplicate: request.takeFromDuplicate,
      moves,
    });
    return { record: keptAfter, moves };
  });
}
