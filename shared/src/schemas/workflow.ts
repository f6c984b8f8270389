import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable, strict, Uuid, VersionField } from './common.js';

export const WORKFLOW_RECORD_TYPES = ['account', 'contact', 'opportunity', 'case', 'task'] as const;
export const WorkflowRecordType = Type.Enum(WORKFLOW_RECORD_TYPES);
export type WorkflowRecordType = (typeof WORKFLOW_RECORD_TYPES)[number];

/** A value a rule compares a field with. */
const FieldValue = Type.Union([Type.String({ maxLength: 300 }), Type.Number(), Type.Boolean(), Type.Null()]);
export type FieldValue = Static<typeof FieldValue>;

export const WorkflowTrigger = Type.Union([
  Type.Object({ type: Type.Literal('record_created') }, strict),
  Type.Object(
    {
      type: Type.Literal('field_changed'),
      field: Type.String({ minLength: 1, maxLength: 64 }),
      to: Type.Optional(FieldValue),
    },
    strict,
  ),
  Type.Object({ type: Type.Literal('email_filed') }, strict),
  Type.Object({ type: Type.Literal('task_overdue') }, strict),
  Type.Object({ type: Type.Literal('sla_warning') }, strict),
  Type.Object({ type: Type.Literal('sla_breached') }, strict),
]);
export type WorkflowTrigger = Static<typeof WorkflowTrigger>;
export type WorkflowTriggerType = WorkflowTrigger['type'];

export const CONDITION_OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'greater_than',
  'less_than',
  'is_set',
  'is_not_set',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const WorkflowCondition = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: 64 }),
    operator: Type.Enum(CONDITION_OPERATORS),
    value: Type.Optional(Type.Union([FieldValue, Type.Array(FieldValue, { maxItems: 50 })])),
  },
  strict,
);
export type WorkflowCondition = Static<typeof WorkflowCondition>;

/** Who an action is for: the record's owner (a task's assignee), that owner's manager, or a named user. */
export const WorkflowAssignee = Type.Union([
  Type.Object({ type: Type.Literal('owner') }, strict),
  Type.Object({ type: Type.Literal('owner_manager') }, strict),
  Type.Object({ type: Type.Literal('user'), userId: Uuid }, strict),
]);
export type WorkflowAssignee = Static<typeof WorkflowAssignee>;

export const Delay = Type.Object(
  {
    amount: Type.Integer({ minimum: 0, maximum: 365 * 24 }),
    unit: Type.Enum(['minutes', 'hours', 'days'] as const),
  },
  strict,
);
export type Delay = Static<typeof Delay>;

export const WorkflowAction = Type.Union([
  Type.Object(
    {
      type: Type.Literal('create_task'),
      title: Type.String({ minLength: 1, maxLength: 300 }),
      assignTo: WorkflowAssignee,
      dueIn: Delay,
      priority: Type.Optional(Type.Enum(['low', 'normal', 'high'] as const)),
    },
    strict,
  ),
  Type.Object(
    {
      type: Type.Literal('send_reminder'),
      to: WorkflowAssignee,
      after: Delay,
      message: Type.String({ minLength: 1, maxLength: 2000 }),
      email: Type.Boolean({ description: 'also by email, besides the in-app notification' }),
      webhookId: Type.Optional(Uuid),
    },
    strict,
  ),
  Type.Object({ type: Type.Literal('call_webhook'), webhookId: Uuid }, strict),
  Type.Object({ type: Type.Literal('start_plan'), planId: Uuid }, strict),
  Type.Object(
    {
      type: Type.Literal('update_case'),
      priority: Type.Optional(Type.Enum(['low', 'normal', 'high', 'urgent'] as const)),
      assignTo: Type.Optional(WorkflowAssignee),
    },
    { ...strict, description: 'raises the priority or hands the case on (to its owner’s manager, say)' },
  ),
]);
export type WorkflowAction = Static<typeof WorkflowAction>;

export const MAX_RULE_CONDITIONS = 20;
export const MAX_RULE_ACTIONS = 10;

export const WorkflowRule = Type.Object({
  id: Uuid,
  name: Type.String(),
  enabled: Type.Boolean(),
  recordType: WorkflowRecordType,
  trigger: WorkflowTrigger,
  conditions: Type.Array(WorkflowCondition),
  actions: Type.Array(WorkflowAction),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type WorkflowRule = Static<typeof WorkflowRule>;

const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  enabled: Type.Boolean(),
  recordType: WorkflowRecordType,
  trigger: WorkflowTrigger,
  conditions: Type.Array(WorkflowCondition, { maxItems: MAX_RULE_CONDITIONS }),
  actions: Type.Array(WorkflowAction, { minItems: 1, maxItems: MAX_RULE_ACTIONS }),
};

export const WorkflowRuleCreate = Type.Object(
  {
    name: ruleFields.name,
    enabled: Type.Optional(ruleFields.enabled),
    recordType: ruleFields.recordType,
    trigger: ruleFields.trigger,
    conditions: Type.Optional(ruleFields.conditions),
    actions: ruleFields.actions,
  },
  strict,
);
export type WorkflowRuleCreate = Static<typeof WorkflowRuleCreate>;

export const WorkflowRuleUpdate = Type.Object(
  { ...VersionField, ...Type.Partial(Type.Object(ruleFields)).properties },
  strict,
);
export type WorkflowRuleUpdate = Static<typeof WorkflowRuleUpdate>;

export const Webhook = Type.Object({
  id: Uuid,
  name: Type.String(),
  url: Type.String(),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Webhook = Static<typeof Webhook>;

/** The secret is shown once, when the webhook is created (or its secret is rotated). */
export const WebhookWithSecret = Type.Object({ ...Webhook.properties, secret: Type.String() });
export type WebhookWithSecret = Static<typeof WebhookWithSecret>;

export const WebhookCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    url: Type.String({ format: 'uri', maxLength: 2000 }),
  },
  strict,
);
export type WebhookCreate = Static<typeof WebhookCreate>;

export const WebhookUpdate = Type.Object(
  {
    ...VersionField,
    name: Type.Optional(WebhookCreate.properties.name),
    url: Type.Optional(WebhookCreate.properties.url),
    active: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type WebhookUpdate = Static<typeof WebhookUpdate>;

export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;

export const DELIVERY_CHANNELS = ['email', 'webhook', 'support_mail'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const Delivery = Type.Object({
  id: Uuid,
  channel: Type.Enum(DELIVERY_CHANNELS, {
    description: "email: a reminder through the server's SMTP; support_mail: from a support address",
  }),
  recipient: Type.String(),
  webhookId: Nullable(Uuid),
  event: Type.String(),
  status: Type.Enum(DELIVERY_STATUSES),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  lastStatus: Nullable(Type.Integer()),
  dueAt: IsoDateTime,
  nextAttemptAt: IsoDateTime,
  deliveredAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
});
export type Delivery = Static<typeof Delivery>;

export const DeliveryListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
    status: Type.Optional(Type.Enum(DELIVERY_STATUSES)),
  },
  strict,
);
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;

export const RULE_FIELD_KINDS = [
  'text',
  'number',
  'boolean',
  'date',
  'datetime',
  'user',
  'reference',
  'choice',
  'stage',
] as const;

/** What rules can watch, for building a rule editor: per record type, its triggers and fields. */
export const WorkflowCatalogue = Type.Object({
  recordTypes: Type.Array(
    Type.Object({
      type: WorkflowRecordType,
      triggers: Type.Array(
        Type.Enum([
          'record_created',
          'field_changed',
          'email_filed',
          'task_overdue',
          'sla_warning',
          'sla_breached',
        ] as const),
      ),
      fields: Type.Array(
        Type.Object({
          name: Type.String(),
          label: Type.String(),
          kind: Type.Enum(RULE_FIELD_KINDS),
          choices: Type.Optional(Type.Array(Type.String())),
          operators: Type.Array(Type.Enum(CONDITION_OPERATORS)),
        }),
      ),
    }),
  ),
  emailEnabled: Type.Boolean({ description: 'whether reminders can go by email on this server' }),
});
export type WorkflowCatalogue = Static<typeof WorkflowCatalogue>;

/** Scheduled work that failed for good (a rule's actions, a reminder, a plan step), for admins. */
export const FailedJob = Type.Object({
  id: Uuid,
  kind: Type.String({
    description: 'record_event, workflow_reminder, task_reminder, task_overdue or plan_step',
  }),
  runAt: IsoDateTime,
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  failedAt: Nullable(IsoDateTime),
});
export type FailedJob = Static<typeof FailedJob>;
