import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable, PageQuery, strict, Uuid } from './common.js';

export const AuditEntry = Type.Object({
  id: Uuid,
  actorId: Nullable(Uuid),
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
