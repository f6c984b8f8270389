import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable, RecordRef, strict, Uuid, VersionField } from './common.js';

export const PLAN_RECORD_TYPES = ['contact', 'opportunity'] as const;
export const PlanRecordType = Type.Enum(PLAN_RECORD_TYPES);
export type PlanRecordType = (typeof PLAN_RECORD_TYPES)[number];

export const PLAN_STEP_TYPES = ['email', 'call', 'task'] as const;
export type PlanStepType = (typeof PLAN_STEP_TYPES)[number];

export const MAX_PLAN_STEPS = 30;

/** One touch of a plan: on day `day` after the start, a task of this type for the record's owner. */
export const PlanStep = Type.Object(
  {
    day: Type.Integer({ minimum: 0, maximum: 365 }),
    type: Type.Enum(PLAN_STEP_TYPES),
    title: Type.String({ minLength: 1, maxLength: 300 }),
  },
  strict,
);
export type PlanStep = Static<typeof PlanStep>;

export const EngagementPlan = Type.Object({
  id: Uuid,
  name: Type.String(),
  recordType: PlanRecordType,
  steps: Type.Array(PlanStep),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type EngagementPlan = Static<typeof EngagementPlan>;

const Steps = Type.Array(PlanStep, { minItems: 1, maxItems: MAX_PLAN_STEPS });

export const EngagementPlanCreate = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), recordType: PlanRecordType, steps: Steps },
  strict,
);
export type EngagementPlanCreate = Static<typeof EngagementPlanCreate>;

export const EngagementPlanUpdate = Type.Object(
  { ...VersionField, name: Type.Optional(EngagementPlanCreate.properties.name), steps: Type.Optional(Steps) },
  strict,
);
export type EngagementPlanUpdate = Static<typeof EngagementPlanUpdate>;

export const ENROLLMENT_STATUSES = ['active', 'completed', 'stopped'] as const;
export const STOP_REASONS = ['replied', 'closed', 'stopped_by_user', 'record_deleted'] as const;

export const EnrollmentStep = Type.Object({
  index: Type.Integer(),
  day: Type.Integer(),
  type: Type.Enum(PLAN_STEP_TYPES),
  title: Type.String(),
  state: Type.Enum(['done', 'scheduled', 'cancelled'] as const),
  /** When the step runs (scheduled) or ran (done). */
  at: IsoDateTime,
  taskId: Nullable(Uuid),
  taskDone: Type.Boolean(),
});
export type EnrollmentStep = Static<typeof EnrollmentStep>;

/** A plan running (or run) for one record, with each step's progress. */
export const PlanEnrollment = Type.Object({
  id: Uuid,
  planId: Uuid,
  planName: Type.String(),
  record: RecordRef,
  status: Type.Enum(ENROLLMENT_STATUSES),
  stopReason: Nullable(Type.Enum(STOP_REASONS)),
  stepsDone: Type.Integer(),
  startedAt: IsoDateTime,
  endedAt: Nullable(IsoDateTime),
  steps: Type.Array(EnrollmentStep),
});
export type PlanEnrollment = Static<typeof PlanEnrollment>;

export const EnrollmentStart = Type.Object({ recordType: PlanRecordType, recordId: Uuid }, strict);
export type EnrollmentStart = Static<typeof EnrollmentStart>;

export const EnrollmentListQuery = Type.Object({ recordType: PlanRecordType, recordId: Uuid }, strict);
export type EnrollmentListQuery = Static<typeof EnrollmentListQuery>;
