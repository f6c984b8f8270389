import { DateTime } from 'luxon';
import type { Task } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { oneByOne, type Job, type JobHandler } from '../../jobs/job-types.js';
import { remind } from '../notifications/index.js';
import { loadTask } from './repository.js';

/**
 * The task of a reminder or overdue job, if it is still open, live and due when the job was
 * scheduled for (not moved since).
 */
export async function stillDue(trx: Knex.Transaction, job: Job): Promise<Task | undefined> {
  const { taskId, dueAt } = job.payload as { taskId: string; dueAt: string };
  const task = await loadTask(trx, job.orgId, taskId);
  if (!task || task.done || task.deletedAt !== null || task.dueAt !== dueAt) return undefined;
  return task;
}

function dueText(task: Task): string {
  const due = DateTime.fromISO(task.dueAt!, { zone: task.timeZone ?? 'UTC' });
  return `Due ${due.toFormat('ccc d LLL yyyy, HH:mm')} (${due.offsetNameShort ?? due.zoneName}).`;
}

function recordOf(task: Task) {
  if (task.opportunityId) return { type: 'opportunity', id: task.opportunityId } as const;
  if (task.caseId) return { type: 'case', id: task.caseId } as const;
  if (task.contactId) return { type: 'contact', id: task.contactId } as const;
  if (task.accountId) return { type: 'account', id: task.accountId } as const;
  return null;
}

/** `reminderMinutes` before a task is due: its assignee is told, in the app and by email. */
export const handleTaskReminder: JobHandler = oneByOne(async (trx, job, context) => {
  const task = await stillDue(trx, job);
  if (!task?.assigneeId) return;
  await remind(
    trx,
    {
      orgId: job.orgId,
      jobId: job.id,
      kind: 'task_reminder',
      title: `Reminder: ${task.title}`,
      body: dueText(task),
      record: recordOf(task),
      taskId: task.id,
      userIds: [task.assigneeId],
      email: true,
      dueAt: job.runAt,
    },
    context,
  );
});
