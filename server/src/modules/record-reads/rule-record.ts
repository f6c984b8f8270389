import type { RuleRecord, WorkflowRecordType } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { loadAccount } from '../accounts/index.js';
import { loadCase } from '../cases/index.js';
import { loadContact } from '../contacts/index.js';
import { loadOpportunity } from '../opportunities/index.js';
import { loadTask } from '../tasks/index.js';

const loaders = {
  account: loadAccount,
  contact: loadContact,
  opportunity: loadOpportunity,
  case: loadCase,
  task: loadTask,
} as const;

/** The record, as the API shows it, plus what rules read by name (an opportunity's stage). */
export async function ruleRecordOf(
  db: Db,
  orgId: string,
  recordType: WorkflowRecordType,
  record: object,
): Promise<RuleRecord> {
  if (recordType !== 'opportunity') return { ...record };
  const stageId = (record as { stageId: string }).stageId;
  const stage = (await db('pipeline_stages').where({ org_id: orgId, id: stageId }).first('name')) as
    { name: string } | undefined;
  return { ...record, stage: stage?.name ?? null };
}

/** Loads a record for rules; undefined when it does not exist or is in the trash. */
export async function loadRuleRecord(
  db: Db,
  orgId: string,
  recordType: WorkflowRecordType,
  id: string,
): Promise<RuleRecord | undefined> {
  const record = await loaders[recordType](db, orgId, id);
  if (!record || record.deletedAt !== null) return undefined;
  return ruleRecordOf(db, orgId, recordType, record);
}

/** Who owns the record: its owner, or for a task its assignee. */
export function ownerOf(record: RuleRecord): string | null {
  const owner = record['ownerId'] ?? record['assigneeId'];
  return typeof owner === 'string' ? owner : null;
}
