import type { CasePriority, CaseStatus, SlaClock, SlaClockKind, SlaPolicy } from '@inbox-crm/shared';
import { addBusinessMinutes, spendBusinessMinutes } from './business-calendar.js';

/** What a case's clocks depend on. */
export interface ClockedCase {
  createdAt: Date;
  priority: CasePriority;
  status: CaseStatus;
  firstResponseAt: Date | null;
}

/** A stay of the case in one status, from its history. */
export interface StatusStay {
  status: CaseStatus;
  enteredAt: Date;
  leftAt: Date | null;
}

export type ClockPolicy = Pick<SlaPolicy, 'calendar' | 'targets' | 'warnMinutes'>;

/** While the case waits on the customer, or is resolved, no clock runs. */
const WAITING: ReadonlySet<CaseStatus> = new Set(['pending', 'resolved', 'closed']);
const DONE: ReadonlySet<CaseStatus> = new Set(['resolved', 'closed']);

const iso = (date: Date | null) => date && date.toISOString();

/**
 * When the clock reaches its target: it runs from the case's creation, through the stretches it
 * was not waiting, up to `until`, and on from the last of them. Only running stretches are walked,
 * so a case that waited for years costs no more than one that did not.
 */
function dueOf(
  policy: ClockPolicy,
  createdAt: Date,
  stays: readonly StatusStay[],
  target: number,
  until: Date,
): Date | null {
  let left = target;
  let cursor = createdAt;
  const waits = stays
    .filter((stay) => WAITING.has(stay.status) && stay.enteredAt < until)
    .sort((a, b) => a.enteredAt.getTime() - b.enteredAt.getTime());
  for (const wait of waits) {
    if (wait.enteredAt > cursor) {
      const spent = spendBusinessMinutes(policy.calendar, cursor, left, wait.enteredAt);
      if (spent === null || spent instanceof Date) return spent;
      left -= spent.used;
    }
    const resumed = wait.leftAt && wait.leftAt < until ? wait.leftAt : until;
    if (resumed > cursor) cursor = resumed;
  }
  return addBusinessMinutes(policy.calendar, cursor, left);
}

function clock(
  policy: ClockPolicy,
  supportCase: ClockedCase,
  stays: readonly StatusStay[],
  kind: SlaClockKind,
  target: number,
  stoppedAt: Date | null,
  now: Date,
): SlaClock {
  if (!stoppedAt && WAITING.has(supportCase.status))
    return { kind, state: 'paused', dueAt: null, stoppedAt: null };
  const due = dueOf(policy, supportCase.createdAt, stays, target, stoppedAt ?? now);
  if (stoppedAt) {
    return {
      kind,
      state: due === null || stoppedAt <= due ? 'met' : 'missed',
      dueAt: iso(due),
      stoppedAt: iso(stoppedAt),
    };
  }
  const state =
    due === null
      ? 'running'
      : now > due
        ? 'overdue'
        : now.getTime() >= due.getTime() - policy.warnMinutes * 60_000
          ? 'warning'
          : 'running';
  return { kind, state, dueAt: iso(due), stoppedAt: null };
}

/**
 * A case's clocks now, under its policy: time to the first answer and to resolution, each in the
 * calendar's working time, paused while the case waits on the customer. The first answer stops its
 * clock; resolving the case stops both (the first answer was not needed); reopening it starts them
 * again, the time it spent resolved not counted.
 */
export function caseClocks(
  policy: ClockPolicy,
  supportCase: ClockedCase,
  stays: readonly StatusStay[],
  now: Date,
): SlaClock[] {
  const targets = policy.targets[supportCase.priority];
  const current = stays.find((stay) => stay.leftAt === null);
  const resolvedAt = DONE.has(supportCase.status) ? (current?.enteredAt ?? now) : null;
  const clocks: SlaClock[] = [];
  if (targets.firstResponseMinutes !== null) {
    const stop = supportCase.firstResponseAt ?? resolvedAt;
    clocks.push(clock(policy, supportCase, stays, 'first_response', targets.firstResponseMinutes, stop, now));
  }
  if (targets.resolutionMinutes !== null) {
    clocks.push(clock(policy, supportCase, stays, 'resolution', targets.resolutionMinutes, resolvedAt, now));
  }
  return clocks;
}
