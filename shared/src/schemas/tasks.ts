import { Type, type Static } from 'typebox';
import {
  createSchema,
  DeletedFilter,
  IsoDateTime,
  Nullable,
  PageQuery,
  RecordMeta,
  strict,
  updateSchema,
  TimeZone,
  Uuid,
} from './common.js';

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export const TaskPriority = Type.Enum(TASK_PRIORITIES);
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** Longest reminder offset: four weeks before the due time. */
export const MAX_REMINDER_MINUTES = 40_320;

export const Task = Type.Object({
  ...RecordMeta,
  title: Type.String(),
  notes: Nullable(Type.String()),
  dueAt: Nullable(IsoDateTime),
  timeZone: Nullable(Type.String({ description: 'the zone the due time was set in' })),
  reminderMinutes: Nullable(Type.Integer({ description: 'remind the assignee this long before dueAt' })),
  overdue: Type.Boolean(),
  priority: TaskPriority,
  assigneeId: Nullable(Uuid),
  createdById: Nullable(Uuid),
  done: Type.Boolean(),
  completedAt: Nullable(IsoDateTime),
  accountId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  opportunityId: Nullable(Uuid),
  caseId: Nullable(Uuid),
  planEnrollmentId: Nullable(Uuid),
});
export type Task = Static<typeof Task>;

const editable = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  notes: Nullable(Type.String({ maxLength: 20_000 })),
  dueAt: Nullable(IsoDateTime),
  timeZone: Nullable(TimeZone),
  reminderMinutes: Nullable(Type.Integer({ minimum: 0, maximum: MAX_REMINDER_MINUTES })),
  priority: TaskPriority,
  assigneeId: Nullable(Uuid),
  done: Type.Boolean(),
  accountId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  opportunityId: Nullable(Uuid),
  caseId: Nullable(Uuid),
};

const { title, done: _done, ...optional } = editable;
export const TaskCreate = createSchema({ title }, optional);
export type TaskCreate = Static<typeof TaskCreate>;

export const TaskUpdate = updateSchema(editable);
export type TaskUpdate = Static<typeof TaskUpdate>;

export const TaskListQuery = Type.Object(
  {
    ...PageQuery,
    ...DeletedFilter,
    assigneeId: Type.Optional(Uuid),
    done: Type.Optional(Type.Boolean()),
    dueBefore: Type.Optional(IsoDateTime),
    accountId: Type.Optional(Uuid),
    contactId: Type.Optional(Uuid),
    opportunityId: Type.Optional(Uuid),
    caseId: Type.Optional(Uuid),
  },
  strict,
);
export type TaskListQuery = Static<typeof TaskListQuery>;

/** "My tasks" and "team tasks": open ones by default, overdue first, then by due time. */
export const TaskWorklistQuery = Type.Object(
  {
    done: Type.Optional(Type.Boolean({ default: false })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  },
  strict,
);
export type TaskWorklistQuery = Static<typeof TaskWorklistQuery>;

export const TaskWorklist = Type.Object({ items: Type.Array(Task) });
export type TaskWorklist = Static<typeof TaskWorklist>;
