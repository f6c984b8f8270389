import type { NotificationKind, RecordRef } from '@inbox-crm/shared';
import { consoleRecordPath } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { JobContext } from '../../jobs/job-types.js';
import { enqueueDeliveries, type NewDelivery } from '../deliveries/repository.js';
import { insertNotifications } from './repository.js';

export interface Reminder {
  orgId: string;
  /** The job raising it, in whose transaction this runs. */
  jobId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  record?: RecordRef | null;
  taskId?: string | null;
  /** Who is reminded in the app (and by email when `email` is set). */
  userIds: readonly string[];
  email: boolean;
  /** Also sent to this webhook. */
  webhookId?: string | null;
  /** When it fell due. */
  dueAt: Date;
}

interface Recipient {
  id: string;
  email: string;
  name: string;
}

async function activeRecipients(trx: Knex.Transaction, orgId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return (await trx('users')
    .where({ org_id: orgId, active: true })
    .whereIn('id', [...new Set(userIds)])
    .select('id', 'email', 'name')) as Recipient[];
}

function emailText(reminder: Reminder, context: JobContext): string {
  const link = reminder.record
    ? `\n\nOpen it: ${context.publicUrl}${consoleRecordPath(reminder.record)}`
    : '';
  return `${reminder.body || reminder.title}${link}\n\n— Inbox CRM`;
}

/**
 * Reminds users of something, in the job's transaction: an in-app notification each (at most one
 * per job and user), and deliveries queued for email and the webhook, sent after it commits.
 * Inactive users are left out.
 */
export async function remind(trx: Knex.Transaction, reminder: Reminder, context: JobContext): Promise<void> {
  const recipients = await activeRecipients(trx, reminder.orgId, reminder.userIds);
  await insertNotifications(
    trx,
    recipients.map((user) => ({
      orgId: reminder.orgId,
      userId: user.id,
      kind: reminder.kind,
      title: reminder.title,
      body: reminder.body,
      recordType: reminder.record?.type ?? null,
      recordId: reminder.record?.id ?? null,
      taskId: reminder.taskId ?? null,
      jobId: reminder.jobId,
      createdAt: context.now,
    })),
  );
  const common = {
    orgId: reminder.orgId,
    jobId: reminder.jobId,
    dueAt: reminder.dueAt,
    sendAfter: context.now,
  };
  const deliveries: NewDelivery[] = [];
  if (reminder.email && context.emailEnabled) {
    for (const user of recipients) {
      deliveries.push({
        ...common,
        channel: 'email',
        recipient: user.email,
        event: reminder.kind,
        payload: { subject: reminder.title, text: emailText(reminder, context) },
      });
    }
  }
  if (reminder.webhookId) {
    const webhook = (await trx('webhooks')
      .where({ org_id: reminder.orgId, id: reminder.webhookId, active: true })
      .whereNull('deleted_at')
      .first('url')) as { url: string } | undefined;
    if (webhook) {
      deliveries.push({
        ...common,
        channel: 'webhook',
        recipient: webhook.url,
        webhookId: reminder.webhookId,
        event: `reminder.${reminder.kind}`,
        payload: {
          title: reminder.title,
          body: reminder.body,
          record: reminder.record ?? null,
          taskId: reminder.taskId ?? null,
          recipients: recipients.map((user) => ({ id: user.id, email: user.email, name: user.name })),
          dueAt: reminder.dueAt.toISOString(),
        },
      });
    }
  }
  await enqueueDeliveries(trx, deliveries);
}
