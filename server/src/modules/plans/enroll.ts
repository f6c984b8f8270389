import type { EngagementPlan, PlanRecordType } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { newId } from '../../db/ids.js';
import { Conflict, NotFound, Unprocessable } from '../../errors.js';
import { DAY_MS } from '../../jobs/clock.js';
import { scheduleJob } from '../../jobs/jobs-repository.js';
import { loadRuleRecord, ownerOf } from '../record-reads/index.js';
import { PLAN_STEP_JOB, planStepKey } from './plan-jobs.js';
import { insertEnrollment } from './repository.js';

export interface EnrollmentRequest {
  orgId: string;
  plan: EngagementPlan;
  recordType: PlanRecordType;
  recordId: string;
  startedAt: Date;
  startedBy: string | null;
  ruleId: string | null;
}

/**
 * Starts a plan for a contact or an opportunity: the enrollment, and a job per step on its day.
 * Refused (422) for the wrong kind of record or a closed opportunity, 409 while it already runs.
 */
export async function enroll(trx: Knex.Transaction, request: EnrollmentRequest): Promise<string> {
  const { orgId, plan } = request;
  if (plan.recordType !== request.recordType) {
    throw new Unprocessable('wrong_record_type', `The plan ${plan.name} is for ${plan.recordType} records.`);
  }
  const record = await loadRuleRecord(trx, orgId, request.recordType, request.recordId);
  if (!record) throw new NotFound(request.recordType === 'contact' ? 'Contact' : 'Opportunity');
  if (request.recordType === 'opportunity' && record['status'] !== 'open') {
    throw new Unprocessable('record_closed', 'The opportunity is closed; plans run only for open ones.');
  }
  const running = (await trx('plan_enrollments')
    .where({ org_id: orgId, plan_id: plan.id, record_id: request.recordId, status: 'active' })
    .first('id')) as { id: string } | undefined;
  if (running) throw new Conflict(`The plan ${plan.name} is already running for this record.`);
  const id = newId();
  await insertEnrollment(trx, {
    org_id: orgId,
    id,
    plan_id: plan.id,
    record_type: request.recordType,
    record_id: request.recordId,
    contact_id:
      request.recordType === 'contact' ? request.recordId : ((record['contactId'] as string | null) ?? null),
    owner_id: ownerOf(record) ?? request.startedBy,
    steps: plan.steps,
    started_at: request.startedAt,
    started_by: request.startedBy,
    rule_id: request.ruleId,
  });
  for (const [index, step] of plan.steps.entries()) {
    await scheduleJob(trx, {
      orgId,
      kind: PLAN_STEP_JOB,
      runAt: new Date(request.startedAt.getTime() + step.day * DAY_MS),
      payload: { enrollmentId: id, index },
      dedupeKey: planStepKey(id, index),
    });
  }
  return id;
}
