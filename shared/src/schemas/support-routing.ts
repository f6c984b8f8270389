import { Type, type Static } from 'typebox';
import { CasePriority } from './cases.js';
import { Nullable, strict, Uuid } from './common.js';
import { WorkflowCondition } from './workflow.js';

export const MAX_ROUTING_RULES = 50;
export const MAX_ROUTING_CONDITIONS = 20;
/** A pattern longer than this is refused; every pattern also runs under a time limit. */
export const MAX_PATTERN_LENGTH = 500;

/** Words to find (a phrase, whole words, without regard to case) or a regular expression to match. */
const Sought = Type.String({ minLength: 1, maxLength: MAX_PATTERN_LENGTH });
const Pattern = Type.String({
  minLength: 1,
  maxLength: MAX_PATTERN_LENGTH,
  description: 'a JavaScript regular expression, without regard to case; it runs under a time limit',
});
const negate = Type.Optional(Type.Boolean({ description: 'the condition holds when the test fails' }));

/** What a routing condition looks at in a message, its sender or the sender's records. */
export const RoutingCondition = Type.Union([
  Type.Object(
    {
      on: Type.Literal('sender'),
      test: Type.Enum(['is', 'contains'] as const),
      value: Type.String({ minLength: 1, maxLength: 254 }),
      negate,
    },
    strict,
  ),
  Type.Object(
    {
      on: Type.Literal('sender_domain'),
      value: Type.Array(Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.-]+$' }), {
        minItems: 1,
        maxItems: 50,
        description: 'the domain or any of its subdomains',
      }),
      negate,
    },
    strict,
  ),
  Type.Object(
    {
      on: Type.Enum(['subject', 'body'] as const),
      test: Type.Enum(['contains', 'matches'] as const),
      value: Sought,
      negate,
    },
    strict,
  ),
  Type.Object(
    {
      on: Type.Literal('header'),
      name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[!-9;-~]+$' }),
      test: Type.Enum(['present', 'contains', 'matches'] as const),
      value: Type.Optional(Sought),
      negate,
    },
    strict,
  ),
  Type.Object(
    {
      on: Type.Literal('attachment'),
      test: Type.Enum(['any', 'name_matches'] as const),
      value: Type.Optional(Pattern),
      negate,
    },
    strict,
  ),
  Type.Object(
    {
      on: Type.Literal('account'),
      test: Type.Enum(['known', 'has_open_opportunity'] as const),
      negate,
    },
    strict,
  ),
  Type.Object(
    {
      on: Type.Enum(['account_field', 'contact_field'] as const),
      condition: WorkflowCondition,
      negate,
    },
    strict,
  ),
]);
export type RoutingCondition = Static<typeof RoutingCondition>;

export const ASSIGNMENT_STRATEGIES = ['nobody', 'person', 'round_robin', 'least_busy'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/** Who a new case goes to: nobody, a named person, or one of its queue's active members. */
export const CaseAssignment = Type.Union([
  Type.Object({ strategy: Type.Literal('nobody') }, strict),
  Type.Object({ strategy: Type.Literal('person'), userId: Uuid }, strict),
  Type.Object(
    { strategy: Type.Literal('round_robin', { description: "in turn among the queue's active members" }) },
    strict,
  ),
  Type.Object(
    { strategy: Type.Literal('least_busy', { description: 'the active member with the fewest open cases' }) },
    strict,
  ),
]);
export type CaseAssignment = Static<typeof CaseAssignment>;

/** What a matching rule does to the new case; what it leaves out stays as the mailbox has it. */
export const RoutingActions = Type.Object(
  {
    teamId: Type.Optional(Nullable(Uuid)),
    priority: Type.Optional(CasePriority),
    category: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    assign: Type.Optional(CaseAssignment),
    acknowledge: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type RoutingActions = Static<typeof RoutingActions>;

export const RoutingRule = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    enabled: Type.Boolean(),
    conditions: Type.Array(RoutingCondition, {
      maxItems: MAX_ROUTING_CONDITIONS,
      description: 'all must hold; none: every message',
    }),
    actions: RoutingActions,
  },
  strict,
);
export type RoutingRule = Static<typeof RoutingRule>;

export const ACKNOWLEDGEMENT_PLACEHOLDERS = ['number', 'subject', 'name', 'mailbox'] as const;

/** The automatic answer to a new case; `{{number}}` and the like are filled in. */
export const Acknowledgement = Type.Object(
  {
    enabled: Type.Boolean({ description: 'answer new cases unless a rule says otherwise' }),
    subject: Type.String({ minLength: 1, maxLength: 300 }),
    body: Type.String({ minLength: 1, maxLength: 10_000 }),
    maxPerHour: Type.Integer({
      minimum: 1,
      maximum: 100,
      description: 'acknowledgements to one sender in an hour, at most',
    }),
  },
  strict,
);
export type Acknowledgement = Static<typeof Acknowledgement>;

/** A mailbox's routing: its rules in order (the first that matches decides) and its acknowledgement. */
export const SupportRouting = Type.Object({
  rules: Type.Array(RoutingRule, { maxItems: MAX_ROUTING_RULES }),
  acknowledgement: Acknowledgement,
  version: Type.Integer(),
});
export type SupportRouting = Static<typeof SupportRouting>;

export const SupportRoutingUpdate = Type.Object(
  {
    rules: Type.Array(RoutingRule, { maxItems: MAX_ROUTING_RULES }),
    acknowledgement: Acknowledgement,
    version: Type.Integer({ minimum: 1 }),
  },
  strict,
);
export type SupportRoutingUpdate = Static<typeof SupportRoutingUpdate>;

export const RoutingTrial = Type.Object(
  {
    message: Type.String({
      minLength: 1,
      maxLength: 1_000_000,
      description: 'a message as its source (headers, a blank line, the body), as pasted from a mail client',
    }),
    rules: Type.Optional(
      Type.Array(RoutingRule, {
        maxItems: MAX_ROUTING_RULES,
        description: 'unsaved rules; else the saved ones',
      }),
    ),
  },
  strict,
);
export type RoutingTrial = Static<typeof RoutingTrial>;

export const CONDITION_VERDICTS = ['holds', 'fails', 'timed_out', 'not_reached'] as const;
export type ConditionVerdict = (typeof CONDITION_VERDICTS)[number];

/** What routing made of a pasted message, rule by rule, and what the case would get. */
export const RoutingTrialResult = Type.Object({
  sender: Type.Object({
    email: Type.String(),
    contact: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
    account: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  }),
  subject: Type.String(),
  rules: Type.Array(
    Type.Object({
      name: Type.String(),
      enabled: Type.Boolean(),
      matched: Type.Boolean(),
      conditions: Type.Array(Type.Enum(CONDITION_VERDICTS)),
    }),
  ),
  matchedRule: Nullable(Type.Integer({ description: 'the index of the rule that decides' })),
  outcome: Type.Object({
    teamId: Nullable(Uuid),
    priority: CasePriority,
    category: Nullable(Type.String()),
    assign: CaseAssignment,
    acknowledge: Type.Boolean(),
    acknowledgementRefused: Nullable(Type.String({ description: 'why no acknowledgement would go' })),
  }),
});
export type RoutingTrialResult = Static<typeof RoutingTrialResult>;
