import { DateTime } from 'luxon';
import type {
  Delay,
  RecordRef,
  RuleRecord,
  WorkflowAction,
  WorkflowRecordType,
  WorkflowRule,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { DomainError } from '../../errors.js';
import { scheduleJob } from '../../jobs/jobs-repository.js';
import type { Job, JobContext } from '../../jobs/job-types.js';
import { automationActor } from '../../actor.js';
import { recordAudit } from '../audit/index.js';
import { enqueueDeliveries } from '../deliveries/index.js';
import { remind } from '../notifications/index.js';
import { changeCaseIn } from '../cases/index.js';
import { enroll, findPlan } from '../plans/index.js';
import { timeZoneOf } from '../users/index.js';
import { createTaskIn, linksOfTaskFor } from '../tasks/index.js';
import { recordNameOf, resolveAssignee } from './recipients.js';
import type { RecordEventPayload } from './record-events.js';

export const WORKFLOW_REMINDER_JOB = 'workflow_reminder';

/** What a workflow_reminder job carries. */
export interface WorkflowReminderPayload {
  ruleId: string;
  ruleName: string;
  recordType: WorkflowRecordType;
  recordId: string;
  action: Extract<WorkflowAction, { type: 'send_reminder' }>;
}

/** What an action acts on: the record (as it is now) and the event that fired the rule. */
export interface RuleFiring {
  job: Job;
  rule: WorkflowRule;
  recordType: WorkflowRecordType;
  recordId: string;
  record: RuleRecord;
  event: Pick<RecordEventPayload, 'trigger' | 'before' | 'after' | 'email'>;
}

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** `delay` after `from`; whole days follow the user's calendar, so 3 days is 3 days across a DST change. */
export function after(from: Date, delay: Delay, timeZone = 'UTC'): Date {
  if (delay.unit === 'days')
    return DateTime.fromJSDate(from, { zone: timeZone }).plus({ days: delay.amount }).toJSDate();
  return new Date(from.getTime() + delay.amount * UNIT_MS[delay.unit]);
}

/** A rule acts on its own: its writes are audited as the rule's. */
const ruleActor = (firing: RuleFiring) => automationActor(firing.job.orgId, 'rule', firing.rule.id);

function aboutRecord(firing: RuleFiring): RecordRef | null {
  return firing.recordType === 'task' ? null : { type: firing.recordType, id: firing.recordId };
}

async function createTask(
  trx: Knex.Transaction,
  firing: RuleFiring,
  action: Extract<WorkflowAction, { type: 'create_task' }>,
  context: JobContext,
) {
  const { orgId } = firing.job;
  // Nobody to give it to (no owner, no manager): the task is made unassigned rather than lost.
  const assigneeId = await resolveAssignee(trx, orgId, action.assignTo, firing.record);
  const timeZone = await timeZoneOf(trx, orgId, assigneeId);
  const task = await createTaskIn(trx, ruleActor(firing), {
    title: action.title,
    notes: `Created by the workflow rule "${firing.rule.name}".`,
    due_at: after(context.now, action.dueIn, timeZone),
    time_zone: timeZone,
    priority: action.priority ?? 'normal',
    assignee_id: assigneeId,
    ...linksOfTaskFor(firing.recordType, firing.recordId, firing.record),
  });
  if (assigneeId) {
    await remind(
      trx,
      {
        orgId,
        jobId: firing.job.id,
        kind: 'task_assigned',
        title: `New task: ${action.title}`,
        body: `From the rule "${firing.rule.name}" for ${recordNameOf(firing.recordType, firing.record)}.`,
        record: aboutRecord(firing),
        taskId: task.id,
        userIds: [assigneeId],
        email: false,
        dueAt: context.now,
      },
      context,
    );
  }
}

async function callWebhook(
  trx: Knex.Transaction,
  firing: RuleFiring,
  webhookId: string,
  context: JobContext,
) {
  const webhook = (await trx('webhooks')
    .where({ org_id: firing.job.orgId, id: webhookId, active: true })
    .whereNull('deleted_at')
    .first('url')) as { url: string } | undefined;
  if (!webhook) return;
  await enqueueDeliveries(trx, [
    {
      orgId: firing.job.orgId,
      channel: 'webhook',
      recipient: webhook.url,
      webhookId,
      jobId: firing.job.id,
      event: `workflow.${firing.event.trigger}`,
      payload: {
        rule: { id: firing.rule.id, name: firing.rule.name },
        recordType: firing.recordType,
        recordId: firing.recordId,
        record: firing.record,
        before: firing.event.before,
        email: firing.event.email ?? null,
        occurredAt: context.now.toISOString(),
      },
      dueAt: context.now,
      sendAfter: context.now,
    },
  ]);
}

async function startPlan(trx: Knex.Transaction, firing: RuleFiring, planId: string, context: JobContext) {
  const plan = await findPlan(trx, firing.job.orgId, planId);
  if (!plan || (firing.recordType !== 'contact' && firing.recordType !== 'opportunity')) return;
  try {
    const enrollmentId = await enroll(trx, {
      orgId: firing.job.orgId,
      plan,
      recordType: firing.recordType,
      recordId: firing.recordId,
      startedAt: context.now,
      startedBy: null,
      ruleId: firing.rule.id,
    });
    await recordAudit(trx, ruleActor(firing), 'start', 'plan_enrollment', enrollmentId, null, {
      planId,
      recordType: firing.recordType,
      recordId: firing.recordId,
    });
  } catch (error) {
    // Already running for this record, or the opportunity closed meanwhile: nothing to start.
    if (!(error instanceof DomainError)) throw error;
  }
}

/** Raises the priority or hands the case on; nobody to hand it to (no manager) leaves its owner. */
async function updateCase(
  trx: Knex.Transaction,
  firing: RuleFiring,
  action: Extract<WorkflowAction, { type: 'update_case' }>,
) {
  if (firing.recordType !== 'case') return;
  const ownerId = action.assignTo
    ? await resolveAssignee(trx, firing.job.orgId, action.assignTo, firing.record)
    : null;
  await changeCaseIn(trx, ruleActor(firing), firing.recordId, {
    ...(action.priority ? { priority: action.priority } : {}),
    ...(ownerId ? { ownerId } : {}),
  });
}

/** Does one action of a rule that fired, in the transaction of the job that fired it. */
export async function runAction(
  trx: Knex.Transaction,
  firing: RuleFiring,
  action: WorkflowAction,
  context: JobContext,
) {
  switch (action.type) {
    case 'create_task':
      return createTask(trx, firing, action, context);
    case 'send_reminder':
      await scheduleJob(trx, {
        orgId: firing.job.orgId,
        kind: WORKFLOW_REMINDER_JOB,
        runAt: after(context.now, action.after),
        payload: {
          ruleId: firing.rule.id,
          ruleName: firing.rule.name,
          recordType: firing.recordType,
          recordId: firing.recordId,
          action,
        } satisfies WorkflowReminderPayload,
      });
      return;
    case 'call_webhook':
      return callWebhook(trx, firing, action.webhookId, context);
    case 'start_plan':
      return startPlan(trx, firing, action.planId, context);
    case 'update_case':
      return updateCase(trx, firing, action);
  }
}
