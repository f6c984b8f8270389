import type { WorkflowRecordType } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { cancelJobsByPrefix } from '../../jobs/jobs-repository.js';
import { planStepPrefix } from './plan-jobs.js';
import {
  lockActiveEnrollments,
  lockEnrollmentsOfAddress,
  updateEnrollment,
  type EnrollmentRow,
  type StopReason,
} from './repository.js';

/** Ends these enrollments and cancels their steps still to come. */
export async function stopEnrollments(
  db: Db,
  orgId: string,
  enrollments: readonly EnrollmentRow[],
  reason: StopReason,
): Promise<void> {
  for (const enrollment of enrollments) {
    await updateEnrollment(db, orgId, enrollment.id, {
      status: 'stopped',
      stop_reason: reason,
      ended_at: new Date(),
    });
    await cancelJobsByPrefix(db, orgId, planStepPrefix(enrollment.id));
  }
}

/**
 * In the transaction of a record write: an opportunity that closes (won or lost) ends its plans,
 * and so does a contact or opportunity moved to the trash.
 */
export async function stopEnrollmentsOnRecordChange(
  db: Db,
  orgId: string,
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
  const active = await lockActiveEnrollments(db, orgId, { record_type: recordType, record_id: after.id });
  await stopEnrollments(db, orgId, active, reason);
}

/**
 * In the filing transaction of an email from `address`, sent at `sentAt`: its contacts replied, so
 * their plans started before it end. An old email filed late stops nothing. One statement when
 * nothing runs for them, which is the usual case.
 */
export async function stopEnrollmentsOnReply(
  db: Db,
  orgId: string,
  address: string,
  sentAt: Date,
): Promise<void> {
  await stopEnrollments(db, orgId, await lockEnrollmentsOfAddress(db, orgId, address, sentAt), 'replied');
}
