import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import { wireEventSubscribers } from './event-subscribers.js';
import type { Clock } from './jobs/clock.js';
import type { JobHandler } from './jobs/job-types.js';
import { Worker, type WorkerOptions } from './jobs/worker.js';
import {
  deliverySender,
  emailTransport,
  webhookTransport,
  type SmtpSettings,
} from './modules/deliveries/index.js';
import { PLAN_STEP_JOB, runPlanStep } from './modules/plans/index.js';
import { supportMailTransport } from './modules/service-desk/index.js';
import { importWork } from './modules/imports/index.js';
import { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from './modules/attachments/index.js';
import { retentionSweep } from './modules/privacy/index.js';
import { slaWatch } from './modules/sla/index.js';
import { secretBox } from './secret-box.js';
import { handleTaskReminder, TASK_OVERDUE_JOB, TASK_REMINDER_JOB } from './modules/tasks/index.js';
import {
  handleRecordEvent,
  handleTaskOverdue,
  handleWorkflowReminders,
  RECORD_EVENT_JOB,
  WORKFLOW_REMINDER_JOB,
} from './modules/workflow/index.js';

/** Every kind of job the CRM schedules, and what does it: the worker's half of the composition root. */
const CRM_JOB_HANDLERS: ReadonlyMap<string, JobHandler> = new Map([
  [RECORD_EVENT_JOB, handleRecordEvent],
  [WORKFLOW_REMINDER_JOB, handleWorkflowReminders],
  [TASK_REMINDER_JOB, handleTaskReminder],
  [TASK_OVERDUE_JOB, handleTaskOverdue],
  [PLAN_STEP_JOB, runPlanStep],
]);

export interface CrmWorkerOptions extends Pick<
  WorkerOptions,
  'clock' | 'logger' | 'jobBatchSize' | 'pollMs' | 'maxJobAttempts'
> {
  knex: Knex;
  /** Where users reach the console, for links in reminders. */
  publicUrl: string;
  smtp: SmtpSettings | null;
  logger?: Pick<FastifyBaseLogger, 'error'>;
  clock?: Clock;
  webhookTimeoutMs?: number;
  /** Let webhooks call private and local addresses (WEBHOOK_ALLOW_PRIVATE). Default false. */
  webhookAllowPrivate?: boolean;
  /** The key support mailboxes' secrets are sealed with; without it, no mail goes from support addresses. */
  secretsKey?: string;
  /** Let support mailboxes' outgoing servers be private addresses (MAILBOX_ALLOW_PRIVATE). Default false. */
  mailboxAllowPrivate?: boolean;
  /** How much attachment content imported mail keeps (ATTACHMENT_MAX_BYTES…); by default 25 MB and 10 GB. */
  attachmentLimits?: AttachmentLimits;
  deliveryBatchSize?: number;
  /** How long a delivery's claim lasts; it must exceed the webhook timeout by a margin. */
  leaseMs?: number;
  maxDeliveryAttempts?: number;
  deliveryRetryBaseMs?: number;
  deliveryRetryMaxMs?: number;
}

/** The worker the server runs: the CRM's job handlers, and deliveries by SMTP (when set up) and webhooks. */
export function createCrmWorker(options: CrmWorkerOptions): { worker: Worker; close(): Promise<void> } {
  wireEventSubscribers();
  const {
    knex,
    smtp,
    publicUrl,
    webhookTimeoutMs,
    webhookAllowPrivate,
    secretsKey,
    mailboxAllowPrivate,
    attachmentLimits,
    ...rest
  } = options;
  const email = smtp ? emailTransport(smtp, new URL(publicUrl).hostname) : null;
  const webhook = webhookTransport({ timeoutMs: webhookTimeoutMs, allowPrivate: webhookAllowPrivate });
  const supportMail = secretsKey
    ? supportMailTransport({
        knex,
        box: secretBox(secretsKey),
        allowPrivate: mailboxAllowPrivate ?? false,
        fallback: smtp,
      })
    : null;
  const worker = new Worker({
    knex,
    clock: rest.clock,
    logger: rest.logger,
    jobBatchSize: rest.jobBatchSize,
    pollMs: rest.pollMs,
    maxJobAttempts: rest.maxJobAttempts,
    handlers: CRM_JOB_HANDLERS,
    setup: { emailEnabled: email !== null, publicUrl },
    loops: [
      deliverySender({
        transports: { email, webhook, supportMail },
        batchSize: rest.deliveryBatchSize ?? 100,
        leaseMs: rest.leaseMs ?? 60_000,
        maxAttempts: rest.maxDeliveryAttempts ?? 8,
        retryBaseMs: rest.deliveryRetryBaseMs ?? 30_000,
        retryMaxMs: rest.deliveryRetryMaxMs ?? 60 * 60_000,
      }),
      slaWatch(),
      retentionSweep(),
      importWork(attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS, rest.logger),
    ],
  });
  return {
    worker,
    close: async () => {
      await worker.stop();
      email?.close();
      webhook.close();
    },
  };
}
