import type { Knex } from 'knex';
import type { Db } from '../../db/types.js';
import type { AuditActor } from '../../actor.js';
import { recordAudit } from '../audit/index.js';
import type { EmailFiled, RecordWritten } from '../../events/domain-events.js';
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
 * On a record write: an opportunity that closes (won or lost) ends its plans, and so does a contact
 * or opportunity moved to the trash.
 */
export async function stopPlansOnRecordWritten(trx: Knex.Transaction, event: RecordWritten): Promise<void> {
  const { entity: recordType, actor } = event;
  if (recordType !== 'contact' && recordType !== 'opportunity') return;
  const after = event.after as RecordWritten['after'] & { status?: unknown };
  const reason: StopReason | null =
    after.deletedAt !== null
      ? 'record_deleted'
      : recordType === 'opportunity' && after.status !== 'open'
        ? 'closed'
        : null;
  if (!reason) return;
  const active = await lockActiveEnrollments(trx, actor.orgId, {
    record_type: recordType,
    record_id: after.id,
  });
  await stopEnrollments(trx, actor, active, reason);
}

/**
 * On filing a new email: its sender's contacts replied, so their plans started before it was sent
 * end. An old email filed late stops nothing. One statement when nothing runs for them, which is
 * the usual case.
 */
export async function stopPlansOnReply(trx: Knex.Transaction, event: EmailFiled): Promise<void> {
  if (!event.email.created) return;
  const { actor, email } = event;
  const replied = await lockEnrollmentsOfAddress(trx, actor.orgId, email.fromEmail, email.sentAt);
  await stopEnrollments(trx, actor, replied, 'replied');
}
