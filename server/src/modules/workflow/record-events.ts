import {
  WORKFLOW_RECORD_TYPES,
  type RecordRef,
  type WorkflowRecordType,
  type WorkflowTriggerType,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import { AS_SOON_AS_POSSIBLE, scheduleJob } from '../../jobs/jobs-repository.js';
import { stopEnrollmentsOnRecordChange } from '../plans/plan-stops.js';
import { anyEnabledRule, recordTypesListening } from './repository.js';
import { ruleRecordOf } from './rule-record.js';

export const RECORD_EVENT_JOB = 'record_event';

/** What a record_event job carries: the change as it was, so rules judge what happened, not what is. */
export interface RecordEventPayload {
  recordType: WorkflowRecordType;
  recordId: string;
  trigger: WorkflowTriggerType;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  actorId: string | null;
  email?: { id: string; subject: string; fromEmail: string };
}

const isRuleRecordType = (entity: string): entity is WorkflowRecordType =>
  (WORKFLOW_RECORD_TYPES as readonly string[]).includes(entity);

type Written = { id: string; deletedAt: string | null };

/** Queues the event only if an enabled rule listens for it; `describe` builds it only then. */
async function queueEvent(
  trx: Knex.Transaction,
  orgId: string,
  recordType: WorkflowRecordType,
  trigger: WorkflowTriggerType,
  describe: () => Promise<RecordEventPayload>,
): Promise<void> {
  if (!(await anyEnabledRule(trx, orgId, recordType, [trigger]))) return;
  await scheduleJob(trx, {
    orgId,
    kind: RECORD_EVENT_JOB,
    runAt: AS_SOON_AS_POSSIBLE,
    payload: { ...(await describe()) },
  });
}

/**
 * Called in the transaction of every record create, update, delete and restore: ends engagement
 * plans the change ends, and queues the event for the workflow rules listening for it. The event
 * commits with the change, or neither does.
 */
export async function recordWritten(
  trx: Knex.Transaction,
  actor: Actor,
  entity: string,
  before: Written | null,
  after: Written,
): Promise<void> {
  if (!isRuleRecordType(entity)) return;
  await stopEnrollmentsOnRecordChange(trx, actor, entity, after);
  const created = before === null;
  const plainUpdate = before !== null && before.deletedAt === null && after.deletedAt === null;
  if (!created && !plainUpdate) return;
  const trigger = created ? 'record_created' : 'field_changed';
  await queueEvent(trx, actor.orgId, entity, trigger, async () => ({
    recordType: entity,
    recordId: after.id,
    trigger,
    before: before && { ...(await ruleRecordOf(trx, actor.orgId, entity, before)) },
    after: { ...(await ruleRecordOf(trx, actor.orgId, entity, after)) },
    actorId: actor.userId,
  }));
}

/** Called in the filing transaction with the records an email was newly filed to. */
export async function emailFiledTo(
  trx: Knex.Transaction,
  actor: Actor,
  records: readonly RecordRef[],
  email: { id: string; subject: string; fromEmail: string },
): Promise<void> {
  if (records.length === 0) return;
  const listening = await recordTypesListening(trx, actor.orgId, 'email_filed');
  for (const record of records.filter((candidate) => listening.has(candidate.type))) {
    const event: RecordEventPayload = {
      recordType: record.type,
      recordId: record.id,
      trigger: 'email_filed',
      before: null,
      after: {},
      actorId: actor.userId,
      email,
    };
    await scheduleJob(trx, {
      orgId: actor.orgId,
      kind: RECORD_EVENT_JOB,
      runAt: AS_SOON_AS_POSSIBLE,
      payload: { ...event },
    });
  }
}
