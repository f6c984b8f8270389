import { WORKFLOW_RECORD_TYPES, type WorkflowAssignee } from '@inbox-crm/shared';
import { oneByOne, type JobHandler } from '../../jobs/job-types.js';
import { remindAll } from '../notifications/index.js';
import { loadRuleRecord, ruleRecordOf } from '../record-reads/index.js';
import { stillDue } from '../tasks/index.js';
import { headKey, recordHeads, userHeads, type RecordHead, type UserHead } from './record-heads.js';
import type { WorkflowReminderPayload } from './actions.js';
import { fireRules } from './fire-rules.js';
import type { RecordEventPayload } from './record-events.js';
import { enabledRules } from './repository.js';

/** A record changed (or had an email filed to it): the rules listening for that fire. */
export const handleRecordEvent: JobHandler = oneByOne(async (trx, job, context) => {
  const event = job.payload as unknown as RecordEventPayload;
  const record = await loadRuleRecord(trx, job.orgId, event.recordType, event.recordId);
  if (!record) return;
  const rules = await enabledRules(trx, job.orgId, event.recordType, [event.trigger]);
  await fireRules(
    trx,
    rules,
    { job, recordType: event.recordType, recordId: event.recordId, record, event },
    context,
  );
});

/** A task's due time passes while it is open: the rules listening for overdue tasks fire. */
export const handleTaskOverdue: JobHandler = oneByOne(async (trx, job, context) => {
  const task = await stillDue(trx, job);
  if (!task) return;
  const rules = await enabledRules(trx, job.orgId, 'task', ['task_overdue']);
  if (rules.length === 0) return;
  const record = await ruleRecordOf(trx, job.orgId, 'task', task);
  await fireRules(
    trx,
    rules,
    {
      job,
      recordType: 'task',
      recordId: task.id,
      record,
      event: { trigger: 'task_overdue', before: null, after: record },
    },
    context,
  );
});

function recipientOf(
  assignee: WorkflowAssignee,
  ownerId: string | null,
  orgId: string,
  users: ReadonlyMap<string, UserHead>,
): string | null {
  if (assignee.type === 'user') return assignee.userId;
  if (!ownerId) return null;
  return assignee.type === 'owner' ? ownerId : (users.get(headKey(orgId, ownerId))?.managerId ?? null);
}

/**
 * Reminders rules scheduled fall due: whoever each is for at that moment (the owner now, their
 * manager now) is reminded. A batch reads its records and users in a statement per record type.
 */
export const handleWorkflowReminders: JobHandler = async (trx, jobs, context) => {
  const reminders = jobs.map((job) => ({ job, payload: job.payload as unknown as WorkflowReminderPayload }));
  const heads = new Map<string, RecordHead>();
  for (const recordType of WORKFLOW_RECORD_TYPES) {
    const refs = reminders
      .filter(({ payload }) => payload.recordType === recordType)
      .map(({ job, payload }) => ({ orgId: job.orgId, id: payload.recordId }));
    for (const [key, head] of await recordHeads(trx, recordType, refs)) heads.set(key, head);
  }
  const owners = [...heads.values()].flatMap((head) =>
    head.ownerId ? [{ orgId: head.orgId, id: head.ownerId }] : [],
  );
  const users = await userHeads(trx, owners);
  await remindAll(
    trx,
    reminders.flatMap(({ job, payload }) => {
      const head = heads.get(headKey(job.orgId, payload.recordId));
      if (!head) return [];
      const recipient = recipientOf(payload.action.to, head.ownerId, job.orgId, users);
      const { recordType, recordId } = payload;
      return [
        {
          orgId: job.orgId,
          jobId: job.id,
          kind: 'workflow_reminder' as const,
          title: `${payload.action.message} — ${head.name}`,
          body: `${payload.action.message}\n\n${head.name} (from the rule "${payload.ruleName}")`,
          record: recordType === 'task' ? null : { type: recordType, id: recordId },
          taskId: recordType === 'task' ? recordId : null,
          userIds: recipient ? [recipient] : [],
          email: payload.action.email,
          webhookId: payload.action.webhookId ?? null,
          dueAt: job.runAt,
        },
      ];
    }),
    context,
  );
};
