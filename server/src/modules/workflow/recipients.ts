import type { RuleRecord, WorkflowAssignee, WorkflowRecordType } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { ownerOf } from '../record-reads/index.js';

/**
 * The user an action is for, or null when there is none: a record without an owner, an owner
 * without a manager, or a user (owner, manager or named) since switched off.
 */
export async function resolveAssignee(
  trx: Knex.Transaction,
  orgId: string,
  assignee: WorkflowAssignee,
  record: RuleRecord,
): Promise<string | null> {
  const userOf = async (id: string | null) =>
    id
      ? ((await trx('users').where({ org_id: orgId, id }).first('id', 'active', 'manager_id')) as
          { id: string; active: boolean; manager_id: string | null } | undefined)
      : undefined;
  let user = await userOf(assignee.type === 'user' ? assignee.userId : ownerOf(record));
  if (assignee.type === 'owner_manager') user = await userOf(user?.manager_id ?? null);
  return user?.active ? user.id : null;
}

/** How people call the record in a reminder: a name, a subject or a title. */
export function recordNameOf(recordType: WorkflowRecordType, record: RuleRecord): string {
  const field = recordType === 'case' ? 'subject' : recordType === 'task' ? 'title' : 'name';
  const name = record[field];
  return typeof name === 'string' ? name : '';
}
