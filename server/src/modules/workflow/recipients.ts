import type { RuleRecord, WorkflowAssignee, WorkflowRecordType } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { ownerOf } from './rule-record.js';

/**
 * The user an action is for, or null when there is none: a record without an owner, an owner
 * without a manager, or a named user since switched off.
 */
export async function resolveAssignee(
  trx: Knex.Transaction,
  orgId: string,
  assignee: WorkflowAssignee,
  record: RuleRecord,
): Promise<string | null> {
  const userId = assignee.type === 'user' ? assignee.userId : ownerOf(record);
  if (!userId) return null;
  const user = (await trx('users').where({ org_id: orgId, id: userId }).first('active', 'manager_id')) as
    { active: boolean; manager_id: string | null } | undefined;
  if (!user) return null;
  if (assignee.type === 'owner_manager') return user.manager_id;
  return user.active ? userId : null;
}

/** How people call the record in a reminder: a name, a subject or a title. */
export function recordNameOf(recordType: WorkflowRecordType, record: RuleRecord): string {
  const field = recordType === 'case' ? 'subject' : recordType === 'task' ? 'title' : 'name';
  const name = record[field];
  return typeof name === 'string' ? name : '';
}
