import type { WorkflowRecordType } from '@inbox-crm/shared';
import type { Knex } from 'knex';

/** What a reminder needs of a record: who owns it and what it is called. */
export interface RecordHead {
  orgId: string;
  id: string;
  ownerId: string | null;
  name: string;
}

const HEADS: Record<WorkflowRecordType, { table: string; owner: string; name: string }> = {
  account: { table: 'accounts', owner: 'owner_id', name: 'name' },
  contact: { table: 'contacts', owner: 'owner_id', name: "trim(first_name || ' ' || last_name)" },
  opportunity: { table: 'opportunities', owner: 'owner_id', name: 'name' },
  case: { table: 'cases', owner: 'owner_id', name: 'subject' },
  task: { table: 'tasks', owner: 'assignee_id', name: 'title' },
};

export const headKey = (orgId: string, id: string) => `${orgId}/${id}`;

/** The live records of one type among these (org, id) pairs, in one statement, by headKey. */
export async function recordHeads(
  trx: Knex.Transaction,
  recordType: WorkflowRecordType,
  refs: ReadonlyArray<{ orgId: string; id: string }>,
): Promise<Map<string, RecordHead>> {
  if (refs.length === 0) return new Map();
  const { table, owner, name } = HEADS[recordType];
  const { rows } = await trx.raw<{
    rows: { org_id: string; id: string; owner_id: string | null; name: string }[];
  }>(
    `SELECT t.org_id, t.id, t.${owner} AS owner_id, ${name} AS name
       FROM ${table} AS t
       JOIN unnest(?::uuid[], ?::uuid[]) AS r (org_id, id) ON t.org_id = r.org_id AND t.id = r.id
      WHERE t.deleted_at IS NULL`,
    [refs.map((ref) => ref.orgId), refs.map((ref) => ref.id)],
  );
  return new Map(
    rows.map((row) => [
      headKey(row.org_id, row.id),
      { orgId: row.org_id, id: row.id, ownerId: row.owner_id, name: row.name },
    ]),
  );
}

export interface UserHead {
  active: boolean;
  managerId: string | null;
}

/** Whether these users are active, and whom they report to, by headKey. */
export async function userHeads(
  trx: Knex.Transaction,
  refs: ReadonlyArray<{ orgId: string; id: string }>,
): Promise<Map<string, UserHead>> {
  if (refs.length === 0) return new Map();
  const { rows } = await trx.raw<{
    rows: { org_id: string; id: string; active: boolean; manager_id: string | null }[];
  }>(
    `SELECT u.org_id, u.id, u.active, u.manager_id
       FROM users AS u
       JOIN unnest(?::uuid[], ?::uuid[]) AS r (org_id, id) ON u.org_id = r.org_id AND u.id = r.id`,
    [refs.map((ref) => ref.orgId), refs.map((ref) => ref.id)],
  );
  return new Map(
    rows.map((row) => [headKey(row.org_id, row.id), { active: row.active, managerId: row.manager_id }]),
  );
}
