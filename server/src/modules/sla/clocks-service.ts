import type { Knex } from 'knex';
import type { CaseSla } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Clock } from '../../jobs/clock.js';
import { caseClocks } from './case-clocks.js';
import { clockedCases, statusStays } from './clocks-repository.js';
import { listPolicies, policyFor } from './policies-repository.js';

/**
 * The clocks of these cases of the caller's organisation now (a case not found is left out): for
 * the case page, the queue board and the Outlook pane.
 */
export async function caseSlas(
  db: Knex,
  actor: Actor,
  ids: readonly string[],
  clock: Clock,
): Promise<CaseSla[]> {
  const unique = [...new Set(ids)];
  const [policies, cases] = await Promise.all([
    listPolicies(db, actor.orgId),
    clockedCases(db, actor.orgId, unique),
  ]);
  const withPolicy = cases.map((supportCase) => ({
    supportCase,
    policy: policyFor(policies, supportCase.accountId),
  }));
  const stays = await statusStays(
    db,
    actor.orgId,
    withPolicy.filter(({ policy }) => policy).map(({ supportCase }) => supportCase.id),
  );
  const now = clock.now();
  return withPolicy.map(({ supportCase, policy }) => ({
    caseId: supportCase.id,
    policy: policy ? { id: policy.id, name: policy.name } : null,
    clocks: policy
      ? caseClocks(
          { calendar: policy.calendar, targets: policy.targets, warnMinutes: policy.warn_minutes },
          supportCase,
          stays.get(supportCase.id) ?? [],
          now,
        )
      : [],
  }));
}
