import type { WorkflowRecordType } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { cancelJobsByPrefix } from '../../jobs/jobs-repository.js';
import { planStepPrefix } from './plan-jobs.js';
import {
  lockActiveEnrollments,
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
 * In the filing transaction of an email from these contacts, sent at `sentAt`: they replied, so
 * the plans started before it end. An old email filed late stops nothing.
 */
export async function stopEnrollmentsOnReply(
  db: Db,
  orgId: string,
  contactIds: readonly string[],
  sentAt: Date,
): Promise<void> {
  for (const contactId of contactIds) {
    const active = await lockActiveEnrollments(db, orgId, { contact_id: contactId });
    const startedBefore = active.filter((enrollment) => enrollment.started_at.getTime() < sentAt.getTime());
    await stopEnrollments(db, orgId, startedBefore, 'replied');
  }
}
