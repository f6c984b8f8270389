import type {
  EngagementPlan,
  EngagementPlanCreate,
  EngagementPlanUpdate,
  EnrollmentStart,
  EnrollmentStep,
  PlanEnrollment,
  PlanRecordType,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { iso, isoOrNull } from '../../db/types.js';
import { NotFound, StaleVersion } from '../../errors.js';
import { DAY_MS } from '../../jobs/clock.js';
import { recordAudit } from '../audit/index.js';
import { enroll } from './enroll.js';
import { stopEnrollments } from './plan-stops.js';
import * as plans from './repository.js';

export const listPlans = (db: Knex, actor: Actor) => plans.listPlans(db, actor.orgId);

export async function getPlan(db: Knex, actor: Actor, id: string): Promise<EngagementPlan> {
  const plan = await plans.findPlan(db, actor.orgId, id);
  if (!plan) throw new NotFound('Engagement plan');
  return plan;
}

export function createPlan(db: Knex, actor: Actor, input: EngagementPlanCreate): Promise<EngagementPlan> {
  requireRole(actor, 'admin', 'manager');
  return db.transaction(async (trx) => {
    const id = newId();
    await plans.insertPlan(trx, actor.orgId, id, actor.userId, { ...input, name: input.name.trim() });
    const created = (await plans.findPlan(trx, actor.orgId, id))!;
    await recordAudit(trx, actor, 'create', 'engagement_plan', id, null, created);
    return created;
  });
}

/** Changes apply to plans started from now on; running ones keep the steps they started with. */
export function updatePlan(
  db: Knex,
  actor: Actor,
  id: string,
  input: EngagementPlanUpdate,
): Promise<EngagementPlan> {
  requireRole(actor, 'admin', 'manager');
  return db.transaction(async (trx) => {
    const before = await plans.findPlan(trx, actor.orgId, id, true);
    if (!before) throw new NotFound('Engagement plan');
    if (before.version !== input.version) throw new StaleVersion('This plan', before.version);
    await plans.updatePlan(trx, actor.orgId, id, {
      name: input.name?.trim() ?? before.name,
      steps: input.steps ?? before.steps,
    });
    const after = (await plans.findPlan(trx, actor.orgId, id))!;
    await recordAudit(trx, actor, 'update', 'engagement_plan', id, before, after);
    return after;
  });
}

export function deletePlan(db: Knex, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin', 'manager');
  return db.transaction(async (trx) => {
    const before = await plans.findPlan(trx, actor.orgId, id, true);
    if (!before) throw new NotFound('Engagement plan');
    await plans.deletePlan(trx, actor.orgId, id);
    await recordAudit(trx, actor, 'delete', 'engagement_plan', id, before, null);
  });
}

/** Starts a plan by hand for a contact or an opportunity, its day 0 being `now`; answers its progress. */
export async function startPlan(
  db: Knex,
  actor: Actor,
  planId: string,
  input: EnrollmentStart,
  now: Date,
): Promise<PlanEnrollment> {
  const id = await db.transaction(async (trx) => {
    const plan = await plans.findPlan(trx, actor.orgId, planId);
    if (!plan) throw new NotFound('Engagement plan');
    const enrollmentId = await enroll(trx, {
      orgId: actor.orgId,
      plan,
      recordType: input.recordType,
      recordId: input.recordId,
      startedAt: now,
      startedBy: actor.userId,
      ruleId: null,
    });
    await recordAudit(trx, actor, 'start', 'plan_enrollment', enrollmentId, null, { planId, ...input });
    return enrollmentId;
  });
  const started = (await enrollmentsOf(db, actor, input.recordType, input.recordId)).find((e) => e.id === id);
  return started!;
}

export async function stopPlan(db: Knex, actor: Actor, enrollmentId: string): Promise<PlanEnrollment> {
  const enrollment = await db.transaction(async (trx) => {
    const row = await plans.lockEnrollment(trx, actor.orgId, enrollmentId);
    if (!row) throw new NotFound('Plan enrollment');
    if (row.status === 'active') {
      await stopEnrollments(trx, actor, [row], 'stopped_by_user');
    }
    return row;
  });
  const all = await enrollmentsOf(db, actor, enrollment.record_type, enrollment.record_id);
  return all.find((e) => e.id === enrollmentId)!;
}

function stepsOf(row: plans.EnrollmentWithPlan, tasks: readonly plans.StepTaskRow[]): EnrollmentStep[] {
  return row.steps.map((step, index) => {
    const task = tasks.find(
      (candidate) => candidate.plan_enrollment_id === row.id && candidate.plan_step === index,
    );
    const scheduledAt = new Date(row.started_at.getTime() + step.day * DAY_MS);
    return {
      index,
      day: step.day,
      type: step.type,
      title: step.title,
      state: task ? 'done' : row.status === 'active' ? 'scheduled' : 'cancelled',
      at: iso(task ? task.created_at : scheduledAt),
      taskId: task?.id ?? null,
      taskDone: task?.done ?? false,
    };
  });
}

/** A record's plans, newest first, each with the state of every step. */
export async function enrollmentsOf(
  db: Knex,
  actor: Actor,
  recordType: PlanRecordType,
  recordId: string,
): Promise<PlanEnrollment[]> {
  const rows = await plans.listEnrollments(db, actor.orgId, recordType, recordId);
  const tasks = await plans.stepTasks(
    db,
    actor.orgId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    planName: row.plan_name,
    record: { type: row.record_type, id: row.record_id },
    status: row.status,
    stopReason: row.stop_reason,
    stepsDone: row.steps_done,
    startedAt: iso(row.started_at),
    endedAt: isoOrNull(row.ended_at),
    steps: stepsOf(row, tasks),
  }));
}
