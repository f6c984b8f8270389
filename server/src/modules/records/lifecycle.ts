import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import type { Db } from '../../db/types.js';
import { NotFound, StaleVersion } from '../../errors.js';
import { recordAudit } from '../audit/repository.js';
import { recordWritten } from '../workflow/record-events.js';

/** What every record answers with: its version and whether it is in the trash. */
export type Versioned = { id: string; version: number; deletedAt: string | null };

export type RecordTable = 'accounts' | 'contacts' | 'opportunities' | 'cases' | 'activities' | 'tasks';

/** How the generic create/update/delete/restore steps reach one kind of record. */
export interface RecordKind<Api extends Versioned> {
  table: RecordTable;
  /** The audit log's entity name, e.g. 'account'. */
  entity: string;
  /** For messages: 'Account', 'Contact'. */
  label: string;
  load(db: Db, orgId: string, id: string): Promise<Api | undefined>;
  /** Refuses (with NotFound) a record the actor may not see; absent when the whole organisation may. */
  guard?(db: Db, actor: Actor, record: Api): Promise<void>;
  /** Keeps copies of the record elsewhere in step, after an update, delete or restore. */
  afterWrite?(db: Db, orgId: string, id: string): Promise<void>;
}

/**
 * Locks the record for this transaction and loads it, if it exists, is in the state asked for
 * (live, or in the trash) and the actor may see it; otherwise NotFound.
 */
async function lockRecord<Api extends Versioned>(
  trx: Knex.Transaction,
  actor: Actor,
  kind: RecordKind<Api>,
  id: string,
  state: 'live' | 'deleted',
): Promise<Api> {
  const locked = await trx<{ org_id: string; id: string }>(kind.table)
    .where({ org_id: actor.orgId, id })
    .forUpdate()
    .first('id');
  const record = locked && (await kind.load(trx, actor.orgId, id));
  if (!record || (record.deletedAt !== null) !== (state === 'deleted')) {
    throw new NotFound(state === 'live' ? kind.label : `A deleted ${kind.label.toLowerCase()}`);
  }
  await kind.guard?.(trx, actor, record);
  return record;
}

async function touch(
  trx: Knex.Transaction,
  table: RecordTable,
  orgId: string,
  id: string,
  changes: object = {},
) {
  await trx(table)
    .where({ org_id: orgId, id })
    .update({ ...changes, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
}

export async function getRecord<Api extends Versioned>(
  db: Db,
  actor: Actor,
  kind: RecordKind<Api>,
  id: string,
): Promise<Api> {
  const record = await kind.load(db, actor.orgId, id);
  if (!record) throw new NotFound(kind.label);
  await kind.guard?.(db, actor, record);
  return record;
}

/** Inserts through `insert` (given the new id) and audits the result, in one transaction. */
export function createRecord<Api extends Versioned>(
  db: Knex,
  actor: Actor,
  kind: RecordKind<Api>,
  insert: (trx: Knex.Transaction, id: string) => Promise<void>,
): Promise<Api> {
  return db.transaction(async (trx) => {
    const id = newId();
    await insert(trx, id);
    const created = (await kind.load(trx, actor.orgId, id))!;
    await recordAudit(trx, actor, 'create', kind.entity, id, null, created);
    await recordWritten(trx, actor, kind.entity, null, created);
    return created;
  });
}

/**
 * Locks the live record, refuses a stale version with 409, lets `apply` write the changes, bumps
 * the version and audits before and after, all in one transaction. `'current'` skips the version
 * check, for changes that mean the same whatever came before (completing a task).
 */
export function updateRecord<Api extends Versioned>(
  db: Knex,
  actor: Actor,
  kind: RecordKind<Api>,
  id: string,
  version: number | 'current',
  apply: (trx: Knex.Transaction, before: Api) => Promise<void>,
): Promise<Api> {
  return db.transaction(async (trx) => {
    const before = await lockRecord(trx, actor, kind, id, 'live');
    if (version !== 'current' && before.version !== version)
      throw new StaleVersion(`This ${kind.label.toLowerCase()}`, before.version);
    await apply(trx, before);
    await touch(trx, kind.table, actor.orgId, id);
    await kind.afterWrite?.(trx, actor.orgId, id);
    const after = (await kind.load(trx, actor.orgId, id))!;
    await recordAudit(trx, actor, 'update', kind.entity, id, before, after);
    await recordWritten(trx, actor, kind.entity, before, after);
    return after;
  });
}

/** Soft delete (deleted = true) or restore (false); the record keeps its links and history. */
export function setRecordDeleted<Api extends Versioned>(
  db: Knex,
  actor: Actor,
  kind: RecordKind<Api>,
  id: string,
  deleted: boolean,
): Promise<Api> {
  return db.transaction(async (trx) => {
    const before = await lockRecord(trx, actor, kind, id, deleted ? 'live' : 'deleted');
    await touch(trx, kind.table, actor.orgId, id, { deleted_at: deleted ? trx.fn.now() : null });
    await kind.afterWrite?.(trx, actor.orgId, id);
    const after = (await kind.load(trx, actor.orgId, id))!;
    await recordAudit(trx, actor, deleted ? 'delete' : 'restore', kind.entity, id, before, after);
    await recordWritten(trx, actor, kind.entity, before, after);
    return after;
  });
}
