import type { BusinessCalendar, SlaPolicy, SlaTargets } from '@inbox-crm/shared';
import { iso, type Db } from '../../db/types.js';

export interface PolicyRow {
  org_id: string;
  id: string;
  name: string;
  calendar: BusinessCalendar;
  targets: SlaTargets;
  account_ids: string[];
  warn_minutes: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type PolicyColumns = Pick<PolicyRow, 'name' | 'calendar' | 'targets' | 'account_ids' | 'warn_minutes'>;

export const toSlaPolicy = (row: PolicyRow): SlaPolicy => ({
  id: row.id,
  name: row.name,
  calendar: row.calendar,
  targets: row.targets,
  accountIds: row.account_ids,
  warnMinutes: row.warn_minutes,
  version: row.version,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const asJson = (columns: PolicyColumns) => ({
  ...columns,
  calendar: JSON.stringify(columns.calendar),
  targets: JSON.stringify(columns.targets),
});

export async function listPolicies(db: Db, orgId: string): Promise<PolicyRow[]> {
  return (await db('sla_policies').where({ org_id: orgId }).orderBy('name')) as PolicyRow[];
}

/** Every organisation's policies, for the watch. */
export async function allPolicies(db: Db): Promise<PolicyRow[]> {
  return (await db('sla_policies').orderBy(['org_id', 'name'])) as PolicyRow[];
}

export async function findPolicy(
  db: Db,
  orgId: string,
  id: string,
  lock = false,
): Promise<PolicyRow | undefined> {
  const query = db('sla_policies').where({ org_id: orgId, id });
  if (lock) query.forUpdate();
  return (await query.first()) as PolicyRow | undefined;
}

export async function insertPolicy(db: Db, orgId: string, id: string, columns: PolicyColumns): Promise<void> {
  await db('sla_policies').insert({ org_id: orgId, id, ...asJson(columns) });
}

export async function updatePolicy(db: Db, orgId: string, id: string, columns: PolicyColumns): Promise<void> {
  await db('sla_policies')
    .where({ org_id: orgId, id })
    .update({ ...asJson(columns), version: db.raw('version + 1'), updated_at: db.fn.now() });
}

export async function deletePolicy(db: Db, orgId: string, id: string): Promise<void> {
  await db('sla_policies').where({ org_id: orgId, id }).delete();
}

/** The policy for a case of this account: the one naming the account, else the default. */
export function policyFor<Policy extends Pick<PolicyRow, 'account_ids'>>(
  policies: readonly Policy[],
  accountId: string | null,
): Policy | undefined {
  return (
    (accountId ? policies.find((policy) => policy.account_ids.includes(accountId)) : undefined) ??
    policies.find((policy) => policy.account_ids.length === 0)
  );
}
