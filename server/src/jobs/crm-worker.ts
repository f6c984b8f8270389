import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import { emailTransport, type SmtpSettings } from '../modules/deliveries/email-transport.js';
import { webhookTransport } from '../modules/deliveries/webhook-transport.js';
import { PLAN_STEP_JOB } from '../modules/plans/plan-jobs.js';
import { runPlanStep } from '../modules/plans/step-handler.js';
import { handleTaskOverdue, handleTaskReminder } from '../modules/tasks/job-handlers.js';
import { TASK_OVERDUE_JOB, TASK_REMINDER_JOB } from '../modules/tasks/task-schedule.js';
import { WORKFLOW_REMINDER_JOB } from '../modules/workflow/actions.js';
import { handleRecordEvent, handleWorkflowReminders } from '../modules/workflow/job-handlers.js';
import { RECORD_EVENT_JOB } from '../modules/workflow/record-events.js';
import type { Clock } from './clock.js';
import type { JobHandler } from './job-types.js';
import { Worker, type WorkerOptions } from './worker.js';

/** Every kind of job the CRM schedules, and what does it. */
export const CRM_JOB_HANDLERS: ReadonlyMap<string, JobHandler> = new Map([
  [RECORD_EVENT_JOB, handleRecordEvent],
  [WORKFLOW_REMINDER_JOB, handleWorkflowReminders],
  [TASK_REMINDER_JOB, handleTaskReminder],
  [TASK_OVERDUE_JOB, handleTaskOverdue],
  [PLAN_STEP_JOB, runPlanStep],
]);

export interface CrmWorkerOptions extends Omit<
  WorkerOptions,
  'knex' | 'handlers' | 'transports' | 'publicUrl'
> {
  knex: Knex;
  publicUrl: string;
  smtp: SmtpSettings | null;
  clock?: Clock;
  logger?: Pick<FastifyBaseLogger, 'error'>;
  webhookTimeoutMs?: number;
  /** Let webhooks call private and local addresses (WEBHOOK_ALLOW_PRIVATE). Default false. */
  webhookAllowPrivate?: boolean;
}

/** The worker the server runs: the CRM's job handlers, SMTP when configured, and webhooks. */
export function createCrmWorker(options: CrmWorkerOptions): { worker: Worker; close(): Promise<void> } {
  const { knex, smtp, publicUrl, webhookTimeoutMs, webhookAllowPrivate, ...rest } = options;
  const email = smtp ? emailTransport(smtp, new URL(publicUrl).hostname) : null;
  const webhook = webhookTransport({ timeoutMs: webhookTimeoutMs, allowPrivate: webhookAllowPrivate });
  const worker = new Worker({
    ...rest,
    knex,
    publicUrl,
    handlers: CRM_JOB_HANDLERS,
    transports: { email, webhook },
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
