import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '@inbox-crm/shared';
import { caseClocks, type ClockPolicy, type StatusStay } from './case-clocks.js';

const always: BusinessCalendar = {
  timeZone: 'UTC',
  periods: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
};
const target = { firstResponseMinutes: 60, resolutionMinutes: 240 };
const policy: ClockPolicy = {
  calendar: always,
  targets: {
    low: target,
    normal: target,
    high: target,
    urgent: { firstResponseMinutes: 15, resolutionMinutes: null },
  },
  warnMinutes: 15,
};
const at = (time: string) => new Date(`2026-12-07T${time}:00Z`);
const opened = {
  createdAt: at('10:00'),
  priority: 'normal' as const,
  status: 'open' as const,
  firstResponseAt: null,
};
const stay = (status: StatusStay['status'], from: string, to: string | null): StatusStay => ({
  status,
  enteredAt: at(from),
  leftAt: to === null ? null : at(to),
});

describe("a case's clocks", () => {
  it('run toward their deadlines, warn before them and are overdue past them', () => {
    const stays = [stay('open', '10:00', null)];
    expect(caseClocks(policy, opened, stays, at('10:30'))).toEqual([
      { kind: 'first_response', state: 'running', dueAt: at('11:00').toISOString(), stoppedAt: null },
      { kind: 'resolution', state: 'running', dueAt: at('14:00').toISOString(), stoppedAt: null },
    ]);
    expect(caseClocks(policy, opened, stays, at('10:50'))[0]!.state).toBe('warning');
    expect(caseClocks(policy, opened, stays, at('11:01'))[0]!.state).toBe('overdue');
  });

  it('pause while the case waits on the customer, and the wait moves the deadlines', () => {
    const waiting = { ...opened, status: 'pending' as const };
    expect(
      caseClocks(
        policy,
        waiting,
        [stay('open', '10:00', '10:20'), stay('pending', '10:20', null)],
        at('11:30'),
      ),
    ).toEqual([
      { kind: 'first_response', state: 'paused', dueAt: null, stoppedAt: null },
      { kind: 'resolution', state: 'paused', dueAt: null, stoppedAt: null },
    ]);
    const back = [
      stay('open', '10:00', '10:20'),
      stay('pending', '10:20', '11:20'),
      stay('open', '11:20', null),
    ];
    expect(caseClocks(policy, opened, back, at('11:30'))[0]).toMatchObject({
      state: 'running',
      dueAt: at('12:00').toISOString(),
    });
  });

  it('stop at the first answer and at resolution, met or missed', () => {
    const stays = [stay('open', '10:00', null)];
    expect(
      caseClocks(policy, { ...opened, firstResponseAt: at('10:50') }, stays, at('13:00'))[0],
    ).toMatchObject({
      state: 'met',
      stoppedAt: at('10:50').toISOString(),
    });
    expect(
      caseClocks(policy, { ...opened, firstResponseAt: at('11:10') }, stays, at('13:00'))[0]!.state,
    ).toBe('missed');
    const resolved = { ...opened, status: 'resolved' as const, firstResponseAt: at('10:30') };
    const clocks = caseClocks(
      policy,
      resolved,
      [stay('open', '10:00', '15:00'), stay('resolved', '15:00', null)],
      at('16:00'),
    );
    expect(clocks.map((each) => each.state)).toEqual(['met', 'missed']);
  });

  it('have only the targets the priority has', () => {
    const urgent = { ...opened, priority: 'urgent' as const };
    expect(
      caseClocks(policy, urgent, [stay('open', '10:00', null)], at('10:20')).map((each) => each.kind),
    ).toEqual(['first_response']);
  });

  it('when a case waited for years, then its deadline still counts from when it came back', () => {
    const weekdays: ClockPolicy = {
      ...policy,
      calendar: {
        timeZone: 'UTC',
        periods: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
        holidays: [],
      },
    };
    const old = { ...opened, createdAt: new Date('2022-01-03T09:00:00Z') };
    const stays = [
      {
        status: 'open' as const,
        enteredAt: new Date('2022-01-03T09:00:00Z'),
        leftAt: new Date('2022-01-03T09:30:00Z'),
      },
      {
        status: 'pending' as const,
        enteredAt: new Date('2022-01-03T09:30:00Z'),
        leftAt: new Date('2025-06-02T09:00:00Z'),
      },
      { status: 'open' as const, enteredAt: new Date('2025-06-02T09:00:00Z'), leftAt: null },
    ];
    // Half an hour ran in 2022; the other half on Monday 2 June 2025.
    expect(caseClocks(weekdays, old, stays, new Date('2025-06-02T09:45:00Z'))[0]).toMatchObject({
      state: 'overdue',
      dueAt: '2025-06-02T09:30:00.000Z',
    });
  });
});
