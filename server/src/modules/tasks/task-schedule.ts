import type { Task } from '@inbox-crm/shared';
import { MINUTE_MS } from '../../jobs/clock.js';
import { cancelJobs, scheduleJob } from '../../jobs/jobs-repository.js';
import type { Db } from '../../db/types.js';

export const TASK_REMINDER_JOB = 'task_reminder';
export const TASK_OVERDUE_JOB = 'task_overdue';

const reminderKey = (taskId: string) => `task-reminder:${taskId}`;
const overdueKey = (taskId: string) => `task-overdue:${taskId}`;

/**
 * Keeps a task's two scheduled jobs in step with it, in the transaction that wrote it: the
 * reminder `reminderMinutes` before it is due, and the overdue check at its due time. A task done,
 * deleted or without a due time has neither.
 */
export async function scheduleTaskJobs(db: Db, orgId: string, task: Task): Promise<void> {
  const live = !task.done && task.deletedAt === null && task.dueAt !== null;
  if (!live) {
    await cancelJobs(db, orgId, [reminderKey(task.id), overdueKey(task.id)]);
    return;
  }
  const dueAt = new Date(task.dueAt!);
  const payload = { taskId: task.id, dueAt: task.dueAt };
  await scheduleJob(db, {
    orgId,
    kind: TASK_OVERDUE_JOB,
    runAt: dueAt,
    payload,
    dedupeKey: overdueKey(task.id),
  });
  if (task.reminderMinutes === null) await cancelJobs(db, orgId, [reminderKey(task.id)]);
  else {
    await scheduleJob(db, {
      orgId,
      kind: TASK_REMINDER_JOB,
      runAt: new Date(dueAt.getTime() - task.reminderMinutes * MINUTE_MS),
      payload,
      dedupeKey: reminderKey(task.id),
    });
  }
}
