import type { Knex } from 'knex';
import type { Task, TaskCreate, TaskListQuery, TaskUpdate } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { RecordService } from '../../http/record-routes.js';
import {
  createRecord,
  getRecord,
  setRecordDeleted,
  updateRecord,
  type RecordKind,
} from '../records/lifecycle.js';
import { checkReferences } from '../records/references.js';
import * as tasks from './repository.js';

export const taskKind: RecordKind<Task> = {
  table: 'tasks',
  entity: 'task',
  label: 'Task',
  load: tasks.loadTask,
};

const references = (input: TaskCreate | TaskUpdate) => [
  { field: 'assigneeId', type: 'user' as const, id: input.assigneeId },
  { field: 'accountId', type: 'account' as const, id: input.accountId },
  { field: 'contactId', type: 'contact' as const, id: input.contactId },
  { field: 'opportunityId', type: 'opportunity' as const, id: input.opportunityId },
  { field: 'caseId', type: 'case' as const, id: input.caseId },
];

function createTask(db: Knex, actor: Actor, input: TaskCreate): Promise<Task> {
  return createRecord(db, actor, taskKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, references(input));
    await tasks.insertTask(trx, actor.orgId, id, {
      title: input.title.trim(),
      notes: input.notes ?? null,
      due_at: input.dueAt ?? null,
      priority: input.priority ?? 'normal',
      assignee_id: input.assigneeId === undefined ? actor.userId : input.assigneeId,
      created_by: actor.userId,
      account_id: input.accountId ?? null,
      contact_id: input.contactId ?? null,
      opportunity_id: input.opportunityId ?? null,
      case_id: input.caseId ?? null,
    });
  });
}

function updateTask(db: Knex, actor: Actor, id: string, input: TaskUpdate): Promise<Task> {
  return updateRecord(db, actor, taskKind, id, input.version, async (trx, before) => {
    await checkReferences(trx, actor.orgId, references(input));
    const columns: tasks.TaskColumns = {};
    if (input.title !== undefined) columns.title = input.title.trim();
    if (input.notes !== undefined) columns.notes = input.notes;
    if (input.dueAt !== undefined) columns.due_at = input.dueAt;
    if (input.priority !== undefined) columns.priority = input.priority;
    if (input.assigneeId !== undefined) columns.assignee_id = input.assigneeId;
    if (input.accountId !== undefined) columns.account_id = input.accountId;
    if (input.contactId !== undefined) columns.contact_id = input.contactId;
    if (input.opportunityId !== undefined) columns.opportunity_id = input.opportunityId;
    if (input.caseId !== undefined) columns.case_id = input.caseId;
    if (input.done !== undefined && input.done !== before.done) {
      Object.assign(columns, { done: input.done, completed_at: input.done ? new Date() : null });
    }
    await tasks.updateTaskColumns(trx, actor.orgId, id, columns);
  });
}

export const tasksService: RecordService<Task, TaskCreate, TaskUpdate, TaskListQuery> = {
  list: (db, actor, query) => tasks.listTasks(db, actor.orgId, query),
  get: (db, actor, id) => getRecord(db, actor, taskKind, id),
  create: createTask,
  update: updateTask,
  remove: (db, actor, id) => setRecordDeleted(db, actor, taskKind, id, true),
  restore: (db, actor, id) => setRecordDeleted(db, actor, taskKind, id, false),
};
