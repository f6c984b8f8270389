import type { WorkflowRecordType } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { recordAudit, type AuditActor } from '../audit/repository.js';
import { cancelJobsByPrefix } from '../../jobs/jobs-repository.js';
import { planStepPrefix } from './plan-jobs.js';
import {
  lockActiveEnrollments,
  lockEnrollmentsOfAddress,
  updateEnrollment,
  type EnrollmentRow,
  type StopReason,
} from './repository.js';

/** Ends these enrollments, cancels their steps still to come, and audits each stop as `actor`'s. */
export async function stopEnrollments(
  db: Db,
  actor: AuditActor,
  enrollments: readonly EnrollmentRow[],
  reason: StopReason,
): Promise<void> {
  for (const enrollment of enrollments) {
    await updateEnrollment(db, actor.orgId, enrollment.id, {
      status: 'stopped',
      stop_reason: reason,
      ended_at: new Date(),
    });
    await cancelJobsByPrefix(db, actor.orgId, planStepPrefix(enrollment.id));
    await recordAudit(db, actor, 'stop', 'plan_enrollment', enrollment.id, null, { reason });
  }
}

/**
 * In the transaction of a record write: an opportunity that closes (won or lost) ends its plans,
 * and so does a contact or opportunity moved to the trash.
 */
export async function stopEnrollmentsOnRecordChange(
  db: Db,
  actor: AuditActor,
  recordType: WorkflowRecordType,
  after: { id: string; deletedAt: string | null; status?: unknown },
): Promise<void> {
  if (recordType !== 'contact' && recordType !== 'opportunity') return;
  const reason: StopReason | null =
    after.deletedAt !== null
      ? 'record_deleted'
      : recordType === 'opportunity' && after.status !== 'open'
        ? 'closed'
        : null;
  if (!reason) return;
  const active = await lockActiveEnrollments(db, actor.orgId, {
    record_type: recordType,
    record_id: after.id,
  });
  await stopEnrollments(db, actor, active, reason);
}

/**
 * In the filing transaction of an email from `address`, sent at `sentAt`: its contacts replied, so
 * their plans started before it end. An old email filed late stops nothing. One statement when
 * nothing runs for them, which is the usual case.
 */
export async function stopEnrollmentsOnReply(
  db: Db,
  actor: AuditActor,
  address: string,
  sentAt: Date,
): Promise<void> {
  const replied = await lockEnrollmentsOfAddress(db, actor.orgId, address, sentAt);
  await stopEnrollments(db, actor, replied, 'replied');
}
