import type { PageOf, Task, TaskListQuery, TaskPriority, TaskWorklistQuery } from '@inbox-crm/shared';
import { pageById } from '../../db/pagination.js';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import { isoOrNull, type Db } from '../../db/types.js';

interface TaskRow extends RecordMetaRow {
  title: string;
  notes: string | null;
  due_at: Date | null;
  time_zone: string | null;
  reminder_minutes: number | null;
  priority: TaskPriority;
  assignee_id: string | null;
  created_by: string | null;
  done: boolean;
  completed_at: Date | null;
  account_id: string | null;
  contact_id: string | null;
  opportunity_id: string | null;
  case_id: string | null;
  plan_enrollment_id: string | null;
  plan_step: number | null;
}

export type TaskColumns = Partial<
  Omit<TaskRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'deleted_at' | 'due_at' | 'completed_at'>
> & {
  due_at?: string | Date | null;
  completed_at?: Date | null;
};

const toTask = (row: TaskRow): Task => ({
  ...recordMeta(row),
  title: row.title,
  notes: row.notes,
  dueAt: isoOrNull(row.due_at),
  timeZone: row.time_zone,
  reminderMinutes: row.reminder_minutes,
  overdue: !row.done && row.due_at !== null && row.due_at.getTime() < Date.now(),
  priority: row.priority,
  assigneeId: row.assignee_id,
  createdById: row.created_by,
  done: row.done,
  completedAt: isoOrNull(row.completed_at),
  accountId: row.account_id,
  contactId: row.contact_id,
  opportunityId: row.opportunity_id,
  caseId: row.case_id,
  planEnrollmentId: row.plan_enrollment_id,
});

export async function loadTask(db: Db, orgId: string, id: string): Promise<Task | undefined> {
  const row = (await db('tasks').where({ org_id: orgId, id }).first()) as TaskRow | undefined;
  return row && toTask(row);
}

export function listTasks(db: Db, orgId: string, query: TaskListQuery): Promise<PageOf<Task>> {
  const builder = db('tasks').where({ org_id: orgId });
  if (query.deleted) builder.whereNotNull('deleted_at');
  else builder.whereNull('deleted_at');
  if (query.assigneeId) builder.where({ assignee_id: query.assigneeId });
  if (query.done !== undefined) builder.where({ done: query.done });
  if (query.dueBefore) builder.where('due_at', '<', query.dueBefore);
  if (query.accountId) builder.where({ account_id: query.accountId });
  if (query.contactId) builder.where({ contact_id: query.contactId });
  if (query.opportunityId) builder.where({ opportunity_id: query.opportunityId });
  if (query.caseId) builder.where({ case_id: query.caseId });
  return pageById(builder, query, toTask);
}

export async function insertTask(db: Db, orgId: string, id: string, columns: TaskColumns): Promise<void> {
  await db('tasks').insert({ org_id: orgId, id, ...columns });
}

export async function updateTaskColumns(
  db: Db,
  orgId: string,
  id: string,
  columns: TaskColumns,
): Promise<void> {
  if (Object.keys(columns).length > 0) await db('tasks').where({ org_id: orgId, id }).update(columns);
}

/**
 * Open tasks of these assignees, soonest due first (so the overdue lead), those without a due time
 * last; or, with `done`, the most recently completed.
 */
export async function listWorklist(
  db: Db,
  orgId: string,
  assigneeIds: readonly string[],
  query: TaskWorklistQuery,
): Promise<Task[]> {
  const builder = db('tasks')
    .where({ org_id: orgId, done: query.done ?? false })
    .whereIn('assignee_id', assigneeIds)
    .whereNull('deleted_at')
    .limit(query.limit ?? 100);
  if (query.done) builder.orderBy('completed_at', 'desc');
  else builder.orderByRaw('due_at ASC NULLS LAST, id ASC');
  return ((await builder) as TaskRow[]).map(toTask);
}
