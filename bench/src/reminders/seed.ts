import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { createOrganisationWithAdmin } from '@inbox-crm/server';

export interface Seeded {
  orgId: string;
  webhookSecret: string;
}

/**
 * An organisation with `count` tasks and, for each, a workflow reminder (to its owner, in the app
 * and to the webhook at `sinkUrl`) falling due at `dueAt`: the jobs a rule would have scheduled.
 */
export async function seedDueReminders(
  knex: Knex,
  count: number,
  sinkUrl: string,
  dueAt: Date,
): Promise<Seeded> {
  const { organisationId: orgId, admin } = await knex.transaction((trx) =>
    createOrganisationWithAdmin(trx, {
      name: 'Reminder benchmark',
      adminEmail: `admin@bench-${Date.now()}.example`,
      adminPassword: 'benchmark password',
      adminName: 'Bench Admin',
    }),
  );
  const webhookId = randomUUID();
  const webhookSecret = 'whsec_benchmark';
  await knex('webhooks').insert({
    org_id: orgId,
    id: webhookId,
    name: 'Sink',
    url: sinkUrl,
    secret: webhookSecret,
  });
  await knex.raw(
    `INSERT INTO tasks (org_id, id, title, assignee_id, created_by)
     SELECT ?, gen_random_uuid(), 'Task ' || n, ?, ? FROM generate_series(1, ?) AS n`,
    [orgId, admin.id, admin.id, count],
  );
  const action = {
    type: 'send_reminder',
    to: { type: 'owner' },
    after: { amount: 0, unit: 'minutes' },
    message: 'Time to follow up',
    email: false,
    webhookId,
  };
  await knex.raw(
    `INSERT INTO scheduled_jobs (org_id, id, kind, run_at, payload)
     SELECT org_id, gen_random_uuid(), 'workflow_reminder', ?,
            jsonb_build_object('ruleId', ?::text, 'ruleName', 'Benchmark', 'recordType', 'task',
                               'recordId', id, 'action', ?::jsonb)
       FROM tasks WHERE org_id = ?`,
    [dueAt, randomUUID(), JSON.stringify(action), orgId],
  );
  return { orgId, webhookSecret };
}
