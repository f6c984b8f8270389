import type { NotificationKind, RecordRef } from '@inbox-crm/shared';
import { consoleRecordPath } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { JobContext } from '../../jobs/job-types.js';
import { enqueueDeliveries, type NewDelivery } from '../deliveries/index.js';
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
  org_id: string;
  id: string;
  email: string;
  name: string;
}

const key = (orgId: string, id: string) => `${orgId}/${id}`;

/** Rows of `table` whose (org_id, id) is one of the pairs, in one statement. */
function byPairs(trx: Knex.Transaction, table: string, pairs: ReadonlyArray<readonly [string, string]>) {
  return trx(table).whereRaw('(org_id, id) IN (SELECT * FROM unnest(?::uuid[], ?::uuid[]))', [
    pairs.map(([orgId]) => orgId),
    pairs.map(([, id]) => id),
  ]);
}

async function activeRecipients(trx: Knex.Transaction, reminders: readonly Reminder[]) {
  const pairs = reminders.flatMap((reminder) => reminder.userIds.map((id) => [reminder.orgId, id] as const));
  const rows =
    pairs.length === 0
      ? []
      : ((await byPairs(trx, 'users', pairs)
          .where({ active: true })
          .select('org_id', 'id', 'email', 'name')) as Recipient[]);
  return new Map(rows.map((row) => [key(row.org_id, row.id), row]));
}

async function activeWebhooks(trx: Knex.Transaction, reminders: readonly Reminder[]) {
  const pairs = reminders.flatMap((reminder) =>
    reminder.webhookId ? [[reminder.orgId, reminder.webhookId] as const] : [],
  );
  const rows =
    pairs.length === 0
      ? []
      : ((await byPairs(trx, 'webhooks', pairs)
          .where({ active: true })
          .whereNull('deleted_at')
          .select('org_id', 'id', 'url')) as {
          org_id: string;
          id: string;
          url: string;
        }[]);
  return new Map(rows.map((row) => [key(row.org_id, row.id), row.url]));
}

function emailText(reminder: Reminder, context: JobContext): string {
  const link = reminder.record
    ? `\n\nOpen it: ${context.publicUrl}${consoleRecordPath(reminder.record)}`
    : '';
  return `${reminder.body || reminder.title}${link}\n\n— Inbox CRM`;
}

function webhookPayload(reminder: Reminder, recipients: readonly Recipient[]) {
  return {
    title: reminder.title,
    body: reminder.body,
    record: reminder.record ?? null,
    taskId: reminder.taskId ?? null,
    recipients: recipients.map((user) => ({ id: user.id, email: user.email, name: user.name })),
    dueAt: reminder.dueAt.toISOString(),
  };
}

/**
 * Reminds users of things, in the jobs' transaction: an in-app notification each (at most one per
 * job and user), and deliveries queued for email and webhooks, sent once it commits. Inactive users
 * are left out. A batch of reminders costs a handful of statements, whatever its size.
 */
export async function remindAll(
  trx: Knex.Transaction,
  reminders: readonly Reminder[],
  context: JobContext,
): Promise<void> {
  const users = await activeRecipients(trx, reminders);
  const webhooks = await activeWebhooks(trx, reminders);
  const notifications = [];
  const deliveries: NewDelivery[] = [];
  for (const reminder of reminders) {
    const recipients = reminder.userIds.flatMap((id) => users.get(key(reminder.orgId, id)) ?? []);
    for (const user of recipients) {
      notifications.push({
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
      });
    }
    const common = {
      orgId: reminder.orgId,
      jobId: reminder.jobId,
      dueAt: reminder.dueAt,
      sendAfter: context.now,
    };
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
    const webhookUrl = reminder.webhookId && webhooks.get(key(reminder.orgId, reminder.webhookId));
    if (webhookUrl) {
      deliveries.push({
        ...common,
        channel: 'webhook',
        recipient: webhookUrl,
        webhookId: reminder.webhookId!,
        event: `reminder.${reminder.kind}`,
        payload: webhookPayload(reminder, recipients),
      });
    }
  }
  await insertNotifications(trx, notifications);
  await enqueueDeliveries(trx, deliveries);
}

/** One reminder (see remindAll). */
export function remind(trx: Knex.Transaction, reminder: Reminder, context: JobContext): Promise<void> {
  return remindAll(trx, [reminder], context);
}
