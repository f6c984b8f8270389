import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable, PageQuery, RecordRef, strict, Uuid } from './common.js';

export const NOTIFICATION_KINDS = [
  'task_reminder',
  'workflow_reminder',
  'task_assigned',
  'plan_step',
] as const;
export const NotificationKind = Type.Enum(NOTIFICATION_KINDS);
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const Notification = Type.Object({
  id: Uuid,
  kind: NotificationKind,
  title: Type.String(),
  body: Type.String(),
  record: Nullable(RecordRef),
  taskId: Nullable(Uuid),
  createdAt: IsoDateTime,
  readAt: Nullable(IsoDateTime),
});
export type Notification = Static<typeof Notification>;

export const NotificationListQuery = Type.Object(
  { ...PageQuery, unread: Type.Optional(Type.Boolean({ description: 'only those not yet read' })) },
  strict,
);
export type NotificationListQuery = Static<typeof NotificationListQuery>;

export const UnreadCount = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Static<typeof UnreadCount>;

/** Marks read every notification up to (and including) the newest one the user has seen. */
export const MarkAllRead = Type.Object(
  { upTo: Type.String({ format: 'uuid', description: 'id of the newest notification shown' }) },
  strict,
);
export type MarkAllRead = Static<typeof MarkAllRead>;
