import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable, PageQuery, strict, Uuid } from './common.js';

/** Who made a write: a person; a workflow rule, an engagement plan or a support mailbox acting on its own; or the system. */
export const AuditActorType = Type.Union([
  Type.Literal('user'),
  Type.Literal('rule'),
  Type.Literal('plan'),
  Type.Literal('mailbox'),
  Type.Literal('system'),
]);
export type AuditActorType = Static<typeof AuditActorType>;

export const AuditEntry = Type.Object({
  id: Uuid,
  /** The user who made the write; null when a rule, a plan, a mailbox or the system did. */
  actorId: Nullable(Uuid),
  actor: Type.Object({ type: AuditActorType, id: Nullable(Uuid) }),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Uuid,
  before: Type.Unknown(),
  after: Type.Unknown(),
  at: IsoDateTime,
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditListQuery = Type.Object(
  {
    ...PageQuery,
    entityType: Type.Optional(Type.String({ maxLength: 50 })),
    entityId: Type.Optional(Uuid),
    actorId: Type.Optional(Uuid),
  },
  strict,
);
export type AuditListQuery = Static<typeof AuditListQuery>;
