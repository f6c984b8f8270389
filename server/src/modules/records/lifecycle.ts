import type { Knex } from 'knex';
import type { Actor, AuditActor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import type { Db } from '../../db/types.js';
import { Conflict, NotFound, StaleVersion } from '../../errors.js';
import type { DomainEvent, RecordEntity, RecordWritten, WrittenRecord } from '../../events/domain-events.js';
import { emit } from '../../events/event-bus.js';
import { lastWriter } from '../audit/index.js';

/** What every record answers with: its version and whether it is in the trash. */
export type Versioned = WrittenRecord;

export type RecordTable = 'accounts' | 'contacts' | 'opportunities' | 'cases' | 'activities' | 'tasks';

/** How the generic create/update/delete/restore steps reach one kind of record. */
export interface RecordKind<Api extends Versioned> {
  table: RecordTable;
  /** The audit log's entity name, e.g. 'account'. */
  entity: RecordEntity;
  /** For messages: 'Account', 'Contact'. */
  label: string;
  load(db: Db, orgId: string, id: string): Promise<Api | undefined>;
  /** Refuses (with NotFound) a record the actor may not see; absent when the whole organisation may. */
  guard?(db: Db, actor: Actor, record: Api): Promise<void>;
  /** Keeps copies of the record elsewhere in step, after an update, delete or restore. */
  afterWrite?(db: Db, orgId: string, id: string): Promise<void>;
  /** The events of this record type an update publishes besides record.written (a stage change…). */
  changeEvents?(actor: AuditActor, before: Api, after: Api): DomainEvent[];
}

const AUTOMATION_NAMES = {
  rule: 'a workflow rule',
  plan: 'an engagement plan',
  mailbox: 'a support mailbox',
  system: 'the system',
} as const;

/** Who wrote the record last, as a stale save names them: "Maria Chen", "a workflow rule". */
export async function lastWriterName(
  db: Db,
  orgId: string,
  entity: string,
  id: string,
): Promise<string | undefined> {
  const writer = await lastWriter(db, orgId, entity, id);
  if (!writer) return undefined;
  return writer.actorType === 'user' ? (writer.userName ?? undefined) : AUTOMATION_NAMES[writer.actorType];
}

/** Publishes the write, and what the record type says it means, to the subscribers (audit, rules, plans…). */
async function written<Api extends Versioned>(
  trx: Knex.Transaction,
  actor: AuditActor,
  kind: RecordKind<Api>,
  action: RecordWritten['action'],
  before: Api | null,
  after: Api,
): Promise<void> {
  await emit(trx, { type: 'record.written', actor, entity: kind.entity, action, before, after });
  if (action !== 'update' || !before || !kind.changeEvents) return;
  for (const event of kind.changeEvents(actor, before, after)) await emit(trx, event);
}

/**
 * Locks the record for this transaction and loads it, if it exists, is in the state asked for
 * (live, or in the trash) and the actor may see it; otherwise NotFound.
 */
async function lockRecord<Api extends Versioned>(
  trx: Knex.Transaction,
  actor: Actor | AuditActor,
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
  // Automation acts for the whole organisation: only a person's view is guarded.
  if ('role' in actor) await kind.guard?.(trx, actor, record);
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

/**
 * Inserts through `insert` (given the new id) and publishes the new record, in the caller's
 * transaction: for writes that are part of a larger one (a rule's action, a plan's step).
 */
export async function insertRecord<Api extends Versioned>(
  trx: Knex.Transaction,
  actor: AuditActor,
  kind: RecordKind<Api>,
  insert: (trx: Knex.Transaction, id: string) => Promise<Api | void>,
): Promise<Api> {
  const id = newId();
  // An insert that answers the record as stored (RETURNING) spares reading it back.
  const created = (await insert(trx, id)) ?? (await kind.load(trx, actor.orgId, id))!;
  await written(trx, actor, kind, 'create', null, created);
  return created;
}

/**
 * Many records of one kind at once, in the caller's transaction: `insertMany` writes them all (given
 * their new ids) and answers them as stored; each is then published as insertRecord publishes one.
 * For bulk work (an import) where one statement per table beats one per record.
 */
export async function insertRecords<Api extends Versioned>(
  trx: Knex.Transaction,
  actor: AuditActor,
  kind: RecordKind<Api>,
  count: number,
  insertMany: (trx: Knex.Transaction, ids: readonly string[]) => Promise<Api[]>,
): Promise<Api[]> {
  const ids = Array.from({ length: count }, () => newId());
  const created = await insertMany(trx, ids);
  for (const record of created) await written(trx, actor, kind, 'create', null, record);
  return created;
}

/**
 * Publishes updates the caller has written (in bulk) to records it locked, each as applyUpdate
 * publishes one: the write with its before and after, and what the record type says it means.
 */
export async function publishUpdates<Api extends Versioned>(
  trx: Knex.Transaction,
  actor: AuditActor,
  kind: RecordKind<Api>,
  updates: readonly { before: Api; after: Api }[],
): Promise<void> {
  for (const { before, after } of updates) await written(trx, actor, kind, 'update', before, after);
}

/** insertRecord in a transaction of its own. */
export function createRecord<Api extends Versioned>(
  db: Knex,
  actor: Actor,
  kind: RecordKind<Api>,
  insert: (trx: Knex.Transaction, id: string) => Promise<Api | void>,
): Promise<Api> {
  return db.transaction((trx) => insertRecord(trx, actor, kind, insert));
}

/**
 * Locks the live record, refuses a stale version with 409, lets `apply` write the changes, bumps
 * the version and publishes before and after, all in one transaction. `'current'` skips the version
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
    if (version !== 'current' && before.version !== version) {
      const what = `This ${kind.label.toLowerCase()}`;
      throw new StaleVersion(what, before.version, await lastWriterName(trx, actor.orgId, kind.entity, id));
    }
    return applyUpdate(trx, actor, kind, id, before, apply);
  });
}

/** An update's writes once the record is locked: the change, the version, and publishing it. */
async function applyUpdate<Api extends Versioned>(
  trx: Knex.Transaction,
  actor: AuditActor,
  kind: RecordKind<Api>,
  id: string,
  before: Api,
  apply: (trx: Knex.Transaction, before: Api) => Promise<void>,
): Promise<Api> {
  await apply(trx, before);
  await touch(trx, kind.table, actor.orgId, id);
  await kind.afterWrite?.(trx, actor.orgId, id);
  const after = (await kind.load(trx, actor.orgId, id))!;
  await written(trx, actor, kind, 'update', before, after);
  return after;
}

/**
 * An update made by automation (a mailbox reopening a case, say) in the caller's transaction: the
 * live record is locked, changed by `apply`, versioned and published as any update is. Nobody's
 * view guards it: automation acts for the whole organisation.
 */
export async function reviseRecord<Api extends Versioned>(
  trx: Knex.Transaction,
  actor: AuditActor,
  kind: RecordKind<Api>,
  id: string,
  apply: (trx: Knex.Transaction, before: Api) => Promise<void>,
): Promise<Api> {
  const before = await lockRecord(trx, actor, kind, id, 'live');
  return applyUpdate(trx, actor, kind, id, before, apply);
}

/** A contact or account merged into another lives on in that one; it cannot come back as well. */
function refuseMerged(label: string, record: Versioned): void {
  const mergedIntoId = (record as { mergedIntoId?: string | null }).mergedIntoId;
  if (mergedIntoId) {
    throw new Conflict(
      `This ${label.toLowerCase()} was merged into another; open that one to work with it.`,
      [{ mergedIntoId }],
    );
  }
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
    if (!deleted) refuseMerged(kind.label, before);
    await touch(trx, kind.table, actor.orgId, id, { deleted_at: deleted ? trx.fn.now() : null });
    await kind.afterWrite?.(trx, actor.orgId, id);
    const after = (await kind.load(trx, actor.orgId, id))!;
    await written(trx, actor, kind, deleted ? 'delete' : 'restore', before, after);
    return after;
  });
}
