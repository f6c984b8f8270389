import type { Knex } from 'knex';
import type { Task, TaskCreate, TaskListQuery, TaskUpdate, TaskWorklistQuery } from '@inbox-crm/shared';
import type { Actor, AuditActor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { Unprocessable } from '../../errors.js';
import {
  changedColumns,
  checkReferences,
  insertRecord,
  type RecordKind,
  recordService,
  referencesIn,
  updateRecord,
} from '../records/index.js';
import { knownTimeZone, timeZoneOf } from '../users/index.js';
import * as tasks from './repository.js';
import { scheduleTaskJobs } from './task-schedule.js';

async function rescheduleTask(db: Db, orgId: string, id: string): Promise<void> {
  await scheduleTaskJobs(db, orgId, (await tasks.loadTask(db, orgId, id))!);
}

export const taskKind: RecordKind<Task> = {
  table: 'tasks',
  entity: 'task',
  label: 'Task',
  load: tasks.loadTask,
  afterWrite: rescheduleTask,
  changeEvents(actor, before, after) {
    if (before.done === after.done) return [];
    const taskId = after.id;
    return [
      after.done ? { type: 'task.completed', actor, taskId } : { type: 'task.reopened', actor, taskId },
    ];
  },
};

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
  reminderMinutes: 'reminder_minutes',
  priority: 'priority',
  assigneeId: 'assignee_id',
  accountId: 'account_id',
  contactId: 'contact_id',
  opportunityId: 'opportunity_id',
  caseId: 'case_id',
} as const;

/** A new task's columns, whoever makes it; `title` at least. */
export type NewTask = tasks.TaskColumns & { title: string };

/**
 * Makes a task in the caller's transaction: the one way tasks are made, by people, workflow rules
 * and plan steps alike. It is audited as `actor`'s, publishes record.written like every record, and
 * its reminder and overdue jobs are scheduled.
 */
export function createTaskIn(trx: Knex.Transaction, actor: AuditActor, task: NewTask): Promise<Task> {
  return insertRecord(trx, actor, taskKind, async (trx, id) => {
    await tasks.insertTask(trx, actor.orgId, id, task);
    await rescheduleTask(trx, actor.orgId, id);
  });
}

function createTask(db: Knex, actor: Actor, input: TaskCreate): Promise<Task> {
  return db.transaction(async (trx) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, REFERENCES));
    return createTaskIn(trx, actor, {
      assignee_id: actor.userId,
      ...changedColumns(input, COLUMNS),
      title: input.title.trim(),
      time_zone: input.timeZone
        ? knownTimeZone(input.timeZone)
        : await timeZoneOf(trx, actor.orgId, actor.userId),
      created_by: actor.userId,
    });
  });
}

const completion = (done: boolean) => ({ done, completed_at: done ? new Date() : null });

function updateTask(db: Knex, actor: Actor, id: string, input: TaskUpdate): Promise<Task> {
  return updateRecord(db, actor, taskKind, id, input.version, async (trx, before) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, REFERENCES));
    await tasks.updateTaskColumns(trx, actor.orgId, id, {
      ...changedColumns(input, COLUMNS),
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.timeZone !== undefined
        ? { time_zone: input.timeZone === null ? null : knownTimeZone(input.timeZone) }
        : {}),
      ...(input.done !== undefined && input.done !== before.done ? completion(input.done) : {}),
    });
  });
}

/** Completes (or reopens) a task whatever its version: both mean the same from any state. */
export function setTaskDone(db: Knex, actor: Actor, id: string, done: boolean): Promise<Task> {
  return updateRecord(db, actor, taskKind, id, 'current', async (trx, before) => {
    if (before.done !== done) await tasks.updateTaskColumns(trx, actor.orgId, id, completion(done));
  });
}

export function myTasks(db: Knex, actor: Actor, query: TaskWorklistQuery): Promise<Task[]> {
  return tasks.listWorklist(db, actor.orgId, [actor.userId], query);
}

/** The tasks of everyone in the caller's team, the caller's own included. */
export async function teamTasks(db: Knex, actor: Actor, query: TaskWorklistQuery): Promise<Task[]> {
  if (!actor.teamId) {
    throw new Unprocessable('no_team', 'You are not in a team; an admin can add you to one.');
  }
  const members = (await db('users')
    .where({ org_id: actor.orgId, team_id: actor.teamId })
    .pluck('id')) as string[];
  return tasks.listWorklist(db, actor.orgId, members, query);
}

export const tasksService = recordService<Task, TaskCreate, TaskUpdate, TaskListQuery>(taskKind, {
  list: (db, actor, query) => tasks.listTasks(db, actor.orgId, query),
  create: createTask,
  update: updateTask,
});
