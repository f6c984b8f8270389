import type {
  EngagementPlan,
  PlanRecordType,
  PlanStep,
  ENROLLMENT_STATUSES,
  STOP_REASONS,
} from '@inbox-crm/shared';
import { preparedStatement } from '../../db/prepared-statement.js';
import { iso, type Db } from '../../db/types.js';

interface PlanRow {
  id: string;
  name: string;
  record_type: PlanRecordType;
  steps: PlanStep[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toPlan = (row: PlanRow): EngagementPlan => ({
  id: row.id,
  name: row.name,
  recordType: row.record_type,
  steps: row.steps,
  version: row.version,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export async function listPlans(db: Db, orgId: string): Promise<EngagementPlan[]> {
  const rows = (await db('engagement_plans')
    .where({ org_id: orgId })
    .whereNull('deleted_at')
    .orderBy('name')) as PlanRow[];
  return rows.map(toPlan);
}

export async function findPlan(
  db: Db,
  orgId: string,
  id: string,
  lock = false,
): Promise<EngagementPlan | undefined> {
  const query = db('engagement_plans').where({ org_id: orgId, id }).whereNull('deleted_at').first();
  if (lock) query.forUpdate();
  const row = (await query) as PlanRow | undefined;
  return row && toPlan(row);
}

export async function insertPlan(
  db: Db,
  orgId: string,
  id: string,
  createdBy: string,
  plan: Pick<EngagementPlan, 'name' | 'recordType' | 'steps'>,
) {
  await db('engagement_plans').insert({
    org_id: orgId,
    id,
    name: plan.name,
    record_type: plan.recordType,
    steps: JSON.stringify(plan.steps),
    created_by: createdBy,
  });
}

export async function updatePlan(
  db: Db,
  orgId: string,
  id: string,
  plan: Pick<EngagementPlan, 'name' | 'steps'>,
) {
  await db('engagement_plans')
    .where({ org_id: orgId, id })
    .update({
      name: plan.name,
      steps: JSON.stringify(plan.steps),
      version: db.raw('version + 1'),
      updated_at: db.fn.now(),
    });
}

export async function deletePlan(db: Db, orgId: string, id: string) {
  await db('engagement_plans').where({ org_id: orgId, id }).update({ deleted_at: db.fn.now() });
}

export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export type StopReason = (typeof STOP_REASONS)[number];

export interface EnrollmentRow {
  org_id: string;
  id: string;
  plan_id: string;
  record_type: PlanRecordType;
  record_id: string;
  contact_id: string | null;
  owner_id: string | null;
  status: EnrollmentStatus;
  stop_reason: StopReason | null;
  steps: PlanStep[];
  steps_done: number;
  started_at: Date;
  ended_at: Date | null;
}

export async function insertEnrollment(
  db: Db,
  row: Omit<EnrollmentRow, 'status' | 'stop_reason' | 'steps_done' | 'ended_at' | 'steps'> & {
    steps: PlanStep[];
    started_by: string | null;
    rule_id: string | null;
  },
) {
  await db('plan_enrollments').insert({ ...row, steps: JSON.stringify(row.steps), status: 'active' });
}

export async function lockEnrollment(db: Db, orgId: string, id: string): Promise<EnrollmentRow | undefined> {
  return (await db('plan_enrollments').where({ org_id: orgId, id }).forUpdate().first()) as
    EnrollmentRow | undefined;
}

export async function updateEnrollment(db: Db, orgId: string, id: string, changes: Partial<EnrollmentRow>) {
  await db('plan_enrollments').where({ org_id: orgId, id }).update(changes);
}

/** Active enrollments matching the filter, locked, so that stopping them cannot race a step. */
export async function lockActiveEnrollments(
  db: Db,
  orgId: string,
  filter: { record_type: PlanRecordType; record_id: string },
): Promise<EnrollmentRow[]> {
  return (await db('plan_enrollments')
    .where({ org_id: orgId, status: 'active', ...filter })
    .forUpdate()) as EnrollmentRow[];
}

// Every filing asks it (a reply stops its sender's plans), so it is prepared once per connection.
const ENROLLMENTS_OF_ADDRESS = `SELECT * FROM plan_enrollments
  WHERE org_id = ? AND status = 'active' AND started_at < ?
    AND contact_id IN (SELECT contact_id FROM contact_emails WHERE org_id = ? AND email = ?)
  FOR UPDATE`;

/** Active enrollments, started before `time`, of the contacts with this address; locked. */
export async function lockEnrollmentsOfAddress(
  db: Db,
  orgId: string,
  address: string,
  time: Date,
): Promise<EnrollmentRow[]> {
  const { rows } = await db
    .raw<{ rows: EnrollmentRow[] }>(ENROLLMENTS_OF_ADDRESS, [orgId, time, orgId, address])
    .options(preparedStatement(ENROLLMENTS_OF_ADDRESS));
  return rows;
}

export interface EnrollmentWithPlan extends EnrollmentRow {
  plan_name: string;
}

export async function listEnrollments(
  db: Db,
  orgId: string,
  recordType: PlanRecordType,
  recordId: string,
): Promise<EnrollmentWithPlan[]> {
  return (await db('plan_enrollments as e')
    .join('engagement_plans as p', function () {
      this.on('p.org_id', 'e.org_id').andOn('p.id', 'e.plan_id');
    })
    .where({ 'e.org_id': orgId, 'e.record_type': recordType, 'e.record_id': recordId })
    .orderBy('e.id', 'desc')
    .limit(50)
    .select('e.*', 'p.name as plan_name')) as EnrollmentWithPlan[];
}

export interface StepTaskRow {
  plan_enrollment_id: string;
  plan_step: number;
  id: string;
  done: boolean;
  created_at: Date;
}

export async function stepTasks(
  db: Db,
  orgId: string,
  enrollmentIds: readonly string[],
): Promise<StepTaskRow[]> {
  if (enrollmentIds.length === 0) return [];
  return (await db('tasks')
    .where({ org_id: orgId })
    .whereIn('plan_enrollment_id', enrollmentIds)
    .select('plan_enrollment_id', 'plan_step', 'id', 'done', 'created_at')) as StepTaskRow[];
}
