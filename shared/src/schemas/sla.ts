import { Type, type Static } from 'typebox';
import { CASE_PRIORITIES, type CasePriority } from './cases.js';
import { IsoDate, IsoDateTime, Nullable, strict, TimeZone, Uuid } from './common.js';

export const MAX_SLA_POLICIES = 20;

const ClockTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$',
  description: 'HH:MM, local',
});

/** Working time on one day of the week: Monday is 1, Sunday 7. A day may have several. */
export const WorkingPeriod = Type.Object(
  { day: Type.Integer({ minimum: 1, maximum: 7 }), start: ClockTime, end: ClockTime },
  strict,
);
export type WorkingPeriod = Static<typeof WorkingPeriod>;

/** When the clock runs: working periods in a time zone, less holidays. */
export const BusinessCalendar = Type.Object(
  {
    timeZone: TimeZone,
    periods: Type.Array(WorkingPeriod, { minItems: 1, maxItems: 50 }),
    holidays: Type.Array(IsoDate, { maxItems: 200, description: 'local dates on which no clock runs' }),
  },
  strict,
);
export type BusinessCalendar = Static<typeof BusinessCalendar>;

const Minutes = Type.Integer({ minimum: 1, maximum: 366 * 24 * 60, description: 'business minutes' });

/** A priority's targets; null: no target of that kind. */
export const SlaTarget = Type.Object(
  { firstResponseMinutes: Nullable(Minutes), resolutionMinutes: Nullable(Minutes) },
  strict,
);
export type SlaTarget = Static<typeof SlaTarget>;

export const SlaTargets = Type.Object(
  Object.fromEntries(CASE_PRIORITIES.map((priority) => [priority, SlaTarget])) as Record<
    CasePriority,
    typeof SlaTarget
  >,
  strict,
);
export type SlaTargets = Static<typeof SlaTargets>;

const policy = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  calendar: BusinessCalendar,
  targets: SlaTargets,
  accountIds: Type.Array(Uuid, {
    maxItems: 500,
    description: "the accounts it is for; none: every other account's cases (the default policy)",
  }),
  warnMinutes: Type.Integer({
    minimum: 0,
    maximum: 7 * 24 * 60,
    description: 'how long before a deadline the warning comes',
  }),
};

export const SlaPolicy = Type.Object({
  id: Uuid,
  ...policy,
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type SlaPolicy = Static<typeof SlaPolicy>;

export const SlaPolicyCreate = Type.Object(policy, strict);
export type SlaPolicyCreate = Static<typeof SlaPolicyCreate>;

export const SlaPolicyUpdate = Type.Object({ ...policy, version: Type.Integer({ minimum: 1 }) }, strict);
export type SlaPolicyUpdate = Static<typeof SlaPolicyUpdate>;

export const SLA_CLOCK_KINDS = ['first_response', 'resolution'] as const;
export type SlaClockKind = (typeof SLA_CLOCK_KINDS)[number];

/**
 * running: due ahead; warning: due within the policy's warning time; overdue: past due and still
 * running; paused: waiting on the customer; met or missed: stopped, on time or late.
 */
export const SLA_CLOCK_STATES = ['running', 'warning', 'overdue', 'paused', 'met', 'missed'] as const;
export type SlaClockState = (typeof SLA_CLOCK_STATES)[number];

export const SlaClock = Type.Object({
  kind: Type.Enum(SLA_CLOCK_KINDS),
  state: Type.Enum(SLA_CLOCK_STATES),
  dueAt: Nullable(IsoDateTime),
  stoppedAt: Nullable(IsoDateTime),
});
export type SlaClock = Static<typeof SlaClock>;

/** A case's clocks under the policy that applies to it (none: no policy applies). */
export const CaseSla = Type.Object({
  caseId: Uuid,
  policy: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  clocks: Type.Array(SlaClock),
});
export type CaseSla = Static<typeof CaseSla>;

export const CaseSlaQuery = Type.Object(
  {
    ids: Type.String({
      pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,99}$',
      description: 'up to 100 case ids, comma separated',
    }),
  },
  strict,
);
export type CaseSlaQuery = Static<typeof CaseSlaQuery>;
