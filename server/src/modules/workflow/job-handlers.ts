import type { JobHandler } from '../../jobs/job-types.js';
import { remind } from '../notifications/remind.js';
import type { WorkflowReminderPayload } from './actions.js';
import { fireRules } from './fire-rules.js';
import { recordNameOf, resolveAssignee } from './recipients.js';
import type { RecordEventPayload } from './record-events.js';
import { enabledRules } from './repository.js';
import { loadRuleRecord } from './rule-record.js';

/** A record changed (or had an email filed to it): the rules listening for that fire. */
export const handleRecordEvent: JobHandler = async (trx, job, context) => {
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
};

/** A reminder a rule scheduled falls due: whoever it is for, at that moment, is reminded. */
export const handleWorkflowReminder: JobHandler = async (trx, job, context) => {
  const reminder = job.payload as unknown as WorkflowReminderPayload;
  const record = await loadRuleRecord(trx, job.orgId, reminder.recordType, reminder.recordId);
  if (!record) return;
  const recipient = await resolveAssignee(trx, job.orgId, reminder.action.to, record);
  const name = recordNameOf(reminder.recordType, record);
  await remind(
    trx,
    {
      orgId: job.orgId,
      jobId: job.id,
      kind: 'workflow_reminder',
      title: `${reminder.action.message} — ${name}`,
      body: `${reminder.action.message}\n\n${name} (from the rule "${reminder.ruleName}")`,
      record: reminder.recordType === 'task' ? null : { type: reminder.recordType, id: reminder.recordId },
      taskId: reminder.recordType === 'task' ? reminder.recordId : null,
      userIds: recipient ? [recipient] : [],
      email: reminder.action.email,
      webhookId: reminder.action.webhookId ?? null,
      dueAt: job.runAt,
    },
    context,
  );
};
