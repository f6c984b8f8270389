import {
  WORKFLOW_RECORD_TYPES,
  type SlaClockKind,
  type WorkflowRecordType,
  type WorkflowTriggerType,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { AuditActor } from '../../actor.js';
import type { EmailFiled, RecordWritten } from '../../events/domain-events.js';
import { AS_SOON_AS_POSSIBLE, scheduleJob } from '../../jobs/jobs-repository.js';
import { recordTypesListening } from './repository.js';
import { loadRuleRecord, ruleRecordOf } from '../record-reads/index.js';

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
  /** For sla_warning and sla_breached: which clock, and when it is (was) due. */
  sla?: { clock: SlaClockKind; dueAt: string };
}

/**
 * Rules react to people's writes, and to what a support mailbox brings in from outside. A rule's or
 * a plan's own writes (the tasks they make) fire none, so automation can never set itself off in a loop.
 */
const firesRules = (actor: AuditActor) =>
  actor.userId !== null || ('automation' in actor && actor.automation?.type === 'mailbox');

const isRuleRecordType = (entity: string): entity is WorkflowRecordType =>
  (WORKFLOW_RECORD_TYPES as readonly string[]).includes(entity);

/** Queues the event only if an enabled rule listens for it; `describe` builds it only then. */
async function queueEvent(
  trx: Knex.Transaction,
  orgId: string,
  recordType: WorkflowRecordType,
  trigger: WorkflowTriggerType,
  describe: () => Promise<RecordEventPayload>,
): Promise<void> {
  if (!(await recordTypesListening(trx, orgId, trigger)).has(recordType)) return;
  await scheduleJob(trx, {
    orgId,
    kind: RECORD_EVENT_JOB,
    runAt: AS_SOON_AS_POSSIBLE,
    payload: { ...(await describe()) },
  });
}

/**
 * On a person's create or plain update of a record (not a delete or restore): queues the event for
 * the workflow rules listening for it. The event commits with the change, or neither does.
 */
export async function queueRulesOnRecordWritten(trx: Knex.Transaction, event: RecordWritten): Promise<void> {
  const { actor, entity, before, after } = event;
  if (!isRuleRecordType(entity) || !firesRules(actor)) return;
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

/** On filing an email: each record newly filed to fires the rules for filed email. */
export async function queueRulesOnEmailFiled(trx: Knex.Transaction, event: EmailFiled): Promise<void> {
  const { actor, addedLinks: records } = event;
  const email = { id: event.email.id, subject: event.email.subject, fromEmail: event.email.fromEmail };
  if (records.length === 0) return;
  const listening = await recordTypesListening(trx, actor.orgId, 'email_filed');
  for (const record of records.filter((candidate) => listening.has(candidate.type))) {
    const payload: RecordEventPayload = {
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
      payload: { ...payload },
    });
  }
}

/** A case's service level clock nears or passes its deadline: the case rules listening fire. */
export async function queueRulesOnSlaAlert(
  trx: Knex.Transaction,
  orgId: string,
  caseId: string,
  trigger: 'sla_warning' | 'sla_breached',
  sla: { clock: SlaClockKind; dueAt: string },
): Promise<void> {
  await queueEvent(trx, orgId, 'case', trigger, async () => ({
    recordType: 'case',
    recordId: caseId,
    trigger,
    before: null,
    after: { ...(await loadRuleRecord(trx, orgId, 'case', caseId)) },
    actorId: null,
    sla,
  }));
}
