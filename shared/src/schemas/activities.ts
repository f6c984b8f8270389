import { Type, type Static } from 'typebox';
import {
  createSchema,
  DeletedFilter,
  IsoDateTime,
  Nullable,
  PageQuery,
  RecordMeta,
  RecordRef,
  RecordType,
  strict,
  updateSchema,
  Uuid,
} from './common.js';

export const ACTIVITY_TYPES = ['email', 'call', 'meeting', 'note'] as const;
export const ActivityType = Type.Enum(ACTIVITY_TYPES);
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Calls, meetings and notes are written here; emails are filed through /emails. */
export const LOGGED_ACTIVITY_TYPES = ['call', 'meeting', 'note'] as const;
const LoggedActivityType = Type.Enum(LOGGED_ACTIVITY_TYPES);

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
const CallDirection = Type.Enum(CALL_DIRECTIONS);

export const MAX_LINKS = 50;

export const Activity = Type.Object({
  ...RecordMeta,
  type: ActivityType,
  subject: Type.String(),
  body: Nullable(Type.String()),
  occurredAt: IsoDateTime,
  durationMinutes: Nullable(Type.Integer()),
  outcome: Nullable(Type.String()),
  direction: Nullable(CallDirection),
  ownerId: Nullable(Uuid),
  private: Type.Boolean(),
  links: Type.Array(RecordRef),
});
export type Activity = Static<typeof Activity>;

const editable = {
  subject: Type.String({ maxLength: 500 }),
  body: Nullable(Type.String({ maxLength: 100_000 })),
  occurredAt: IsoDateTime,
  durationMinutes: Nullable(Type.Integer({ minimum: 0, maximum: 24 * 60 })),
  outcome: Nullable(Type.String({ maxLength: 200 })),
  direction: Nullable(CallDirection),
  private: Type.Boolean(),
  links: Type.Array(RecordRef, { maxItems: MAX_LINKS }),
};

const { links, ...optional } = editable;
export const ActivityCreate = createSchema({ type: LoggedActivityType, links }, optional);
export type ActivityCreate = Static<typeof ActivityCreate>;

export const ActivityUpdate = updateSchema(editable);
export type ActivityUpdate = Static<typeof ActivityUpdate>;

export const ActivityListQuery = Type.Object(
  {
    ...PageQuery,
    ...DeletedFilter,
    type: Type.Optional(ActivityType),
    ownerId: Type.Optional(Uuid),
    recordType: Type.Optional(RecordType),
    recordId: Type.Optional(Uuid),
  },
  strict,
);
export type ActivityListQuery = Static<typeof ActivityListQuery>;

/** One line of a record's history, lean enough to list fifty at once. */
export const TimelineEntry = Type.Object({
  id: Uuid,
  type: ActivityType,
  subject: Type.String(),
  snippet: Type.String({ description: 'the start of the body as plain text' }),
  occurredAt: IsoDateTime,
  owner: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  private: Type.Boolean(),
  from: Nullable(Type.Object({ email: Type.String(), name: Nullable(Type.String()) })),
  direction: Nullable(Type.String()),
  durationMinutes: Nullable(Type.Integer()),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

export const TimelineQuery = Type.Object(
  {
    ...PageQuery,
    type: Type.Optional(Type.Union([ActivityType, Type.Array(ActivityType, { maxItems: 4 })])),
    ownerId: Type.Optional(Uuid),
    since: Type.Optional(IsoDateTime),
    until: Type.Optional(IsoDateTime),
  },
  strict,
);
export type TimelineQuery = Static<typeof TimelineQuery>;
