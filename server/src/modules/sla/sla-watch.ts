import type { Knex } from 'knex';
import type { SlaClock } from '@inbox-crm/shared';
import type { WorkerLoop } from '../../jobs/worker.js';
import { queueRulesOnSlaAlert } from '../workflow/index.js';
import { caseClocks, type ClockPolicy } from './case-clocks.js';
import { runningCases, statusStays } from './clocks-repository.js';
import { allPolicies, policyFor, type PolicyRow } from './policies-repository.js';

/** How often a worker looks at the running clocks, by its clock. */
export const SLA_WATCH_INTERVAL_MS = 30_000;

const clockPolicy = (row: PolicyRow): ClockPolicy => ({
  calendar: row.calendar,
  targets: row.targets,
  warnMinutes: row.warn_minutes,
});

/** The fewest wall minutes before any of its clocks can warn: business time never passes faster. */
function earliestWarningMinutes(policy: PolicyRow, priority: keyof PolicyRow['targets']): number | null {
  const { firstResponseMinutes, resolutionMinutes } = policy.targets[priority];
  const targets = [firstResponseMinutes, resolutionMinutes].filter(
    (minutes): minutes is number => minutes !== null,
  );
  return targets.length === 0 ? null : Math.min(...targets) - policy.warn_minutes;
}

/**
 * Raises an alert once per case, clock and level (the primary key says so, so two workers agree),
 * and fires the case rules listening for it; true when this worker raised it.
 */
async function raise(
  trx: Knex.Transaction,
  orgId: string,
  caseId: string,
  clock: SlaClock,
  level: 'warning' | 'breach',
): Promise<boolean> {
  const inserted = await trx.raw<{ rows: unknown[] }>(
    `INSERT INTO case_sla_alerts (org_id, case_id, clock, level, due_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING RETURNING case_id`,
    [orgId, caseId, clock.kind, level, clock.dueAt],
  );
  if (inserted.rows.length === 0) return false;
  await queueRulesOnSlaAlert(trx, orgId, caseId, level === 'warning' ? 'sla_warning' : 'sla_breached', {
    clock: clock.kind,
    dueAt: clock.dueAt!,
  });
  return true;
}

async function watchOrganisation(
  knex: Knex,
  orgId: string,
  policies: readonly PolicyRow[],
  now: Date,
): Promise<number> {
  const candidates = (await runningCases(knex, orgId)).filter((supportCase) => {
    const policy = policyFor(policies, supportCase.accountId);
    const minutes = policy && earliestWarningMinutes(policy, supportCase.priority);
    return (
      minutes !== undefined &&
      minutes !== null &&
      supportCase.createdAt.getTime() + minutes * 60_000 <= now.getTime()
    );
  });
  const stays = await statusStays(
    knex,
    orgId,
    candidates.map((supportCase) => supportCase.id),
  );
  let raised = 0;
  for (const supportCase of candidates) {
    const policy = policyFor(policies, supportCase.accountId)!;
    const clocks = caseClocks(clockPolicy(policy), supportCase, stays.get(supportCase.id) ?? [], now).filter(
      (clock) => clock.state === 'warning' || clock.state === 'overdue',
    );
    if (clocks.length === 0) continue;
    raised += await knex.transaction(async (trx) => {
      let count = 0;
      for (const clock of clocks) {
        // An overdue clock that was never warned of (the worker was down) warns too, then breaches.
        if (await raise(trx, orgId, supportCase.id, clock, 'warning')) count += 1;
        if (clock.state === 'overdue' && (await raise(trx, orgId, supportCase.id, clock, 'breach')))
          count += 1;
      }
      return count;
    });
  }
  return raised;
}

/**
 * The worker loop that watches service level clocks: every half minute (by its clock) it reads the
 * running cases of organisations with policies and raises warnings and breaches, each once.
 * Answers how many it raised.
 */
export function slaWatch(): WorkerLoop {
  let lastLook: number | null = null;
  return async (knex, clock) => {
    const now = clock.now();
    if (lastLook !== null && now.getTime() - lastLook < SLA_WATCH_INTERVAL_MS) return 0;
    lastLook = now.getTime();
    const byOrganisation = new Map<string, PolicyRow[]>();
    for (const policy of await allPolicies(knex)) {
      byOrganisation.set(policy.org_id, [...(byOrganisation.get(policy.org_id) ?? []), policy]);
    }
    let raised = 0;
    for (const [orgId, policies] of byOrganisation)
      raised += await watchOrganisation(knex, orgId, policies, now);
    return raised;
  };
}
