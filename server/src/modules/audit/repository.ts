import type { AuditActorType, AuditEntry, AuditListQuery, PageOf } from '@inbox-crm/shared';
import type { AuditActor } from '../../actor.js';
import { deferRow } from '../../db/deferred-rows.js';
import { newId } from '../../db/ids.js';
import { pageById } from '../../db/pagination.js';
import { preparedStatement } from '../../db/prepared-statement.js';
import { iso, type Db } from '../../db/types.js';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'merge'
  | 'file'
  | 'unfile'
  | 'link'
  | 'start'
  | 'stop'
  | 'rotate_secret'
  | 'erase'
  | 'suppress'
  | 'unsuppress'
  | 'export'
  | 'access'
  | 'retention'
  | 'import'
  | 'revert';

function actorColumns(actor: AuditActor) {
  if (actor.userId !== null) return { actor_id: actor.userId, actor_type: 'user', actor_ref: null };
  const automation = 'automation' in actor ? actor.automation : undefined;
  return automation
    ? { actor_id: null, actor_type: automation.type, actor_ref: automation.id }
    : { actor_id: null, actor_type: 'system', actor_ref: null };
}

const INSERT_ENTRY = `INSERT INTO audit_log
  (org_id, id, actor_id, actor_type, actor_ref, action, entity_type, entity_id, before, after)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Records one write, in the transaction that made it: who, what, when, before and after. */
export async function recordAudit(
  db: Db,
  actor: AuditActor,
  action: AuditAction,
  entityType: string,
  entityId: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  const { actor_id, actor_type, actor_ref } = actorColumns(actor);
  const entry = {
    org_id: actor.orgId,
    id: newId(),
    actor_id,
    actor_type,
    actor_ref,
    action,
    entity_type: entityType,
    entity_id: entityId,
    before: before === null || before === undefined ? null : JSON.stringify(before),
    after: after === null || after === undefined ? null : JSON.stringify(after),
  };
  if (deferRow(db, 'audit_log', entry)) return;
  await db.raw(INSERT_ENTRY, Object.values(entry)).options(preparedStatement(INSERT_ENTRY));
}

/** Who made the latest write to a record: a user (by name), or the kind of automation that made it. */
export async function lastWriter(
  db: Db,
  orgId: string,
  entityType: string,
  entityId: string,
): Promise<{ actorType: AuditActorType; userName: string | null } | undefined> {
  const row = (await db('audit_log as a')
    .leftJoin('users as u', (join) => join.on('u.org_id', 'a.org_id').andOn('u.id', 'a.actor_id'))
    .where({ 'a.org_id': orgId, 'a.entity_type': entityType, 'a.entity_id': entityId })
    .orderBy('a.id', 'desc')
    .first('a.actor_type', 'u.name')) as { actor_type: AuditActorType; name: string | null } | undefined;
  return row && { actorType: row.actor_type, userName: row.name };
}

interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_type: AuditActorType;
  actor_ref: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  at: Date;
}

export function listAudit(db: Db, orgId: string, query: AuditListQuery): Promise<PageOf<AuditEntry>> {
  const builder = db('audit_log').where({ org_id: orgId });
  if (query.entityType) builder.where({ entity_type: query.entityType });
  if (query.entityId) builder.where({ entity_id: query.entityId });
  if (query.actorId) builder.where({ actor_id: query.actorId });
  return pageById<AuditRow, AuditEntry>(builder, query, (row) => ({
    id: row.id,
    actorId: row.actor_id,
    actor: { type: row.actor_type, id: row.actor_id ?? row.actor_ref },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    at: iso(row.at),
  }));
}
