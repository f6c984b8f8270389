import type { Knex } from 'knex';
import type { Task, TaskCreate, TaskListQuery, TaskUpdate } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { changedColumns } from '../records/changed-columns.js';
import { createRecord, updateRecord, type RecordKind } from '../records/lifecycle.js';
import { recordService } from '../records/record-service.js';
import { checkReferences, referencesIn } from '../records/references.js';
import * as tasks from './repository.js';

const taskKind: RecordKind<Task> = { table: 'tasks', entity: 'task', label: 'Task', load: tasks.loadTask };

const REFERENCES = {
  assigneeId: 'user',
  accountId: 'account',
  contactId: 'contact',
  opportunityId: 'opportunity',
  caseId: 'case',
} as const;

const COLUMNS = {
  notes: 'notes',
  dueAt: 'due_at',
  priority: 'priority',
  assigneeId: 'assignee_id',
  accountId: 'account_id',
  contactId: 'contact_id',
  opportunityId: 'opportunity_id',
  caseId: 'case_id',
} as const;

function createTask(db: Knex, actor: Actor, input: TaskCreate): Promise<Task> {
  return createRecord(db, actor, taskKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, REFERENCES));
    await tasks.insertTask(trx, actor.orgId, id, {
      assignee_id: actor.userId,
      ...changedColumns(input, COLUMNS),
      title: input.title.trim(),
      created_by: actor.userId,
    });
  });
}

function updateTask(db: Knex, actor: Actor, id: string, input: TaskUpdate): Promise<Task> {
  return updateRecord(db, actor, taskKind, id, input.version, async (trx, before) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, REFERENCES));
    const completion =
      input.done !== undefined && input.done !== before.done
        ? { done: input.done, completed_at: input.done ? new Date() : null }
        : {};
    await tasks.updateTaskColumns(trx, actor.orgId, id, {
      ...changedColumns(input, COLUMNS),
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...completion,
    });
  });
}

export const tasksService = recordService<Task, TaskCreate, TaskUpdate, TaskListQuery>(taskKind, {
  list: (db, actor, query) => tasks.listTasks(db, actor.orgId, query),
  create: createTask,
  update: updateTask,
});
