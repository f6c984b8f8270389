import type { Knex } from 'knex';
import {
  MAX_SLA_POLICIES,
  type BusinessCalendar,
  type SlaPolicy,
  type SlaPolicyCreate,
  type SlaPolicyUpdate,
} from '@inbox-crm/shared';
import { requireRole, type Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { NotFound, StaleVersion, Unprocessable, ValidationFailed } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { checkReferences } from '../records/index.js';
import { knownTimeZone } from '../users/index.js';
import * as policies from './policies-repository.js';

const refuse = (message: string, path: string): never => {
  throw new ValidationFailed(message, [{ in: 'body', path }]);
};

/** A calendar whose periods end after they start, in a zone the server knows. */
function checkedCalendar(calendar: BusinessCalendar): BusinessCalendar {
  calendar.periods.forEach((period, index) => {
    if (period.end <= period.start)
      refuse('A working period ends after it starts.', `/calendar/periods/${index}`);
  });
  return {
    timeZone: knownTimeZone(calendar.timeZone, 'calendar.timeZone'),
    periods: calendar.periods,
    holidays: [...new Set(calendar.holidays)].sort(),
  };
}

/** An account has one policy; the default (no accounts) is one. */
async function checkAccounts(
  trx: Knex.Transaction,
  actor: Actor,
  input: SlaPolicyCreate,
  exceptId: string | null,
): Promise<void> {
  // Two admins saving policies at once would both pass the check below: one at a time.
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`sla_policies:${actor.orgId}`]);
  await checkReferences(
    trx,
    actor.orgId,
    input.accountIds.map((id) => ({ field: 'accountIds', type: 'account' as const, id })),
  );
  const others = (await policies.listPolicies(trx, actor.orgId)).filter((policy) => policy.id !== exceptId);
  if (input.accountIds.length === 0 && others.some((policy) => policy.account_ids.length === 0)) {
    throw new Unprocessable(
      'invalid_value',
      'There is a default policy already; name the accounts this one is for.',
      [{ path: '/accountIds' }],
    );
  }
  const taken = others.find((policy) => policy.account_ids.some((id) => input.accountIds.includes(id)));
  if (taken) {
    throw new Unprocessable('invalid_value', `An account here has a policy already: ${taken.name}.`, [
      { path: '/accountIds' },
    ]);
  }
}

const columnsOf = (input: SlaPolicyCreate): policies.PolicyColumns => ({
  name: input.name.trim(),
  calendar: checkedCalendar(input.calendar),
  targets: input.targets,
  account_ids: [...new Set(input.accountIds)],
  warn_minutes: input.warnMinutes,
});

async function lockedOrNotFound(trx: Knex.Transaction, actor: Actor, id: string) {
  const row = await policies.findPolicy(trx, actor.orgId, id, true);
  if (!row) throw new NotFound('Service level policy');
  return row;
}

/** The organisation's service level policies; everyone may read them, since everyone sees the clocks. */
export async function listSlaPolicies(db: Knex, actor: Actor): Promise<SlaPolicy[]> {
  return (await policies.listPolicies(db, actor.orgId)).map(policies.toSlaPolicy);
}

export function createSlaPolicy(db: Knex, actor: Actor, input: SlaPolicyCreate): Promise<SlaPolicy> {
  requireRole(actor, 'admin');
  const columns = columnsOf(input);
  return db.transaction(async (trx) => {
    if ((await policies.listPolicies(trx, actor.orgId)).length >= MAX_SLA_POLICIES) {
      throw new Unprocessable('invalid_value', `An organisation keeps at most ${MAX_SLA_POLICIES} policies.`);
    }
    await checkAccounts(trx, actor, input, null);
    const id = newId();
    await policies.insertPolicy(trx, actor.orgId, id, columns);
    const created = policies.toSlaPolicy((await policies.findPolicy(trx, actor.orgId, id))!);
    await recordAudit(trx, actor, 'create', 'sla_policy', id, null, created);
    return created;
  });
}

export function updateSlaPolicy(
  db: Knex,
  actor: Actor,
  id: string,
  input: SlaPolicyUpdate,
): Promise<SlaPolicy> {
  requireRole(actor, 'admin');
  const columns = columnsOf(input);
  return db.transaction(async (trx) => {
    const row = await lockedOrNotFound(trx, actor, id);
    if (row.version !== input.version) throw new StaleVersion('This policy', row.version);
    await checkAccounts(trx, actor, input, id);
    await policies.updatePolicy(trx, actor.orgId, id, columns);
    const updated = policies.toSlaPolicy((await policies.findPolicy(trx, actor.orgId, id))!);
    await recordAudit(trx, actor, 'update', 'sla_policy', id, policies.toSlaPolicy(row), updated);
    return updated;
  });
}

export function deleteSlaPolicy(db: Knex, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    const row = await lockedOrNotFound(trx, actor, id);
    await policies.deletePolicy(trx, actor.orgId, id);
    await recordAudit(trx, actor, 'delete', 'sla_policy', id, policies.toSlaPolicy(row), null);
  });
}
