import { DateTime } from 'luxon';
import type { PlanStepType } from '@inbox-crm/shared';
import { oneByOne, type JobContext, type JobHandler } from '../../jobs/job-types.js';
import { automationActor } from '../../actor.js';
import { recordAudit } from '../audit/index.js';
import { remind } from '../notifications/index.js';
import { createTaskIn, linksOfTaskFor } from '../tasks/index.js';
import { timeZoneOf } from '../users/index.js';
import { loadRuleRecord } from '../record-reads/index.js';
import { lockEnrollment, updateEnrollment } from './repository.js';

const STEP_LABELS: Record<PlanStepType, string> = { email: 'Email', call: 'Call', task: 'To do' };

/** A step's task is due at the end of its owner's working day, 17:00 in their zone (or now, if later). */
function endOfWorkingDay(zone: string, now: Date): Date {
  const fivePm = DateTime.fromJSDate(now, { zone }).set({ hour: 17, minute: 0, second: 0, millisecond: 0 });
  return fivePm.toMillis() > now.getTime() ? fivePm.toJSDate() : now;
}

/**
 * A plan step falls due: its task for the enrollment's owner, a notification, and the enrollment's
 * progress, all in the job's transaction. A stopped or finished enrollment does nothing.
 */
export const runPlanStep: JobHandler = oneByOne(async (trx, job, context: JobContext) => {
  const { enrollmentId, index } = job.payload as { enrollmentId: string; index: number };
  const enrollment = await lockEnrollment(trx, job.orgId, enrollmentId);
  if (!enrollment || enrollment.status !== 'active') return;
  const step = enrollment.steps[index];
  if (!step) return;
  const plan = (await trx('engagement_plans')
    .where({ org_id: job.orgId, id: enrollment.plan_id })
    .first('name')) as { name: string };
  const record = await loadRuleRecord(trx, job.orgId, enrollment.record_type, enrollment.record_id);
  const title = `${STEP_LABELS[step.type]}: ${step.title}`;
  // The plan acts on its own: its task and its progress are audited as the plan's.
  const planActor = automationActor(job.orgId, 'plan', enrollment.plan_id);
  const task = await createTaskIn(trx, planActor, {
    title,
    notes: `Step ${index + 1} of ${enrollment.steps.length} of the plan ${plan.name}.`,
    due_at: endOfWorkingDay(await timeZoneOf(trx, job.orgId, enrollment.owner_id), context.now),
    assignee_id: enrollment.owner_id,
    ...(record ? linksOfTaskFor(enrollment.record_type, enrollment.record_id, record) : {}),
    plan_enrollment_id: enrollment.id,
    plan_step: index,
  });
  const last = enrollment.steps_done + 1 >= enrollment.steps.length;
  const progress = {
    steps_done: enrollment.steps_done + 1,
    ...(last ? { status: 'completed' as const, ended_at: context.now } : {}),
  };
  await updateEnrollment(trx, job.orgId, enrollment.id, progress);
  await recordAudit(
    trx,
    planActor,
    'update',
    'plan_enrollment',
    enrollment.id,
    { stepsDone: enrollment.steps_done, status: enrollment.status },
    { stepsDone: progress.steps_done, status: progress.status ?? enrollment.status },
  );
  if (enrollment.owner_id) {
    await remind(
      trx,
      {
        orgId: job.orgId,
        jobId: job.id,
        kind: 'plan_step',
        title,
        body: `${plan.name}, step ${index + 1} of ${enrollment.steps.length}.`,
        record: { type: enrollment.record_type, id: enrollment.record_id },
        taskId: task.id,
        userIds: [enrollment.owner_id],
        email: false,
        dueAt: job.runAt,
      },
      context,
    );
  }
});
