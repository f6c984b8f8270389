import type {
  WorkflowAction,
  WorkflowCondition,
  WorkflowRecordType,
  WorkflowRule,
  WorkflowTrigger,
  WorkflowTriggerType,
} from '@inbox-crm/shared';
import { OrganisationCache } from '../../cache/organisation-cache.js';
import { preparedStatement } from '../../db/prepared-statement.js';
import { iso, type Db } from '../../db/types.js';

interface RuleRow {
  id: string;
  name: string;
  enabled: boolean;
  record_type: WorkflowRecordType;
  trigger_type: WorkflowTriggerType;
  definition: { trigger: WorkflowTrigger; conditions: WorkflowCondition[]; actions: WorkflowAction[] };
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const toRule = (row: RuleRow): WorkflowRule => ({
  id: row.id,
  name: row.name,
  enabled: row.enabled,
  recordType: row.record_type,
  trigger: row.definition.trigger,
  conditions: row.definition.conditions,
  actions: row.definition.actions,
  version: row.version,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export type RuleDefinition = Pick<
  WorkflowRule,
  'name' | 'enabled' | 'recordType' | 'trigger' | 'conditions' | 'actions'
>;

const columnsOf = (rule: RuleDefinition) => ({
  name: rule.name,
  enabled: rule.enabled,
  record_type: rule.recordType,
  trigger_type: rule.trigger.type,
  definition: JSON.stringify({ trigger: rule.trigger, conditions: rule.conditions, actions: rule.actions }),
});

export async function listRules(db: Db, orgId: string): Promise<WorkflowRule[]> {
  const rows = (await db('workflow_rules')
    .where({ org_id: orgId })
    .whereNull('deleted_at')
    .orderBy('id')) as RuleRow[];
  return rows.map(toRule);
}

export async function findRule(
  db: Db,
  orgId: string,
  id: string,
  lock = false,
): Promise<WorkflowRule | undefined> {
  const query = db('workflow_rules').where({ org_id: orgId, id }).whereNull('deleted_at').first();
  if (lock) query.forUpdate();
  const row = (await query) as RuleRow | undefined;
  return row && toRule(row);
}

export async function insertRule(db: Db, orgId: string, id: string, createdBy: string, rule: RuleDefinition) {
  forgetListening(orgId);
  await db('workflow_rules').insert({ org_id: orgId, id, created_by: createdBy, ...columnsOf(rule) });
}

export async function updateRule(db: Db, orgId: string, id: string, rule: RuleDefinition) {
  forgetListening(orgId);
  await db('workflow_rules')
    .where({ org_id: orgId, id })
    .update({ ...columnsOf(rule), version: db.raw('version + 1'), updated_at: db.fn.now() });
}

export async function deleteRule(db: Db, orgId: string, id: string) {
  forgetListening(orgId);
  await db('workflow_rules').where({ org_id: orgId, id }).update({ deleted_at: db.fn.now(), enabled: false });
}

/** The enabled rules a record type's event may fire. */
export async function enabledRules(
  db: Db,
  orgId: string,
  recordType: WorkflowRecordType,
  triggerTypes: readonly WorkflowTriggerType[],
): Promise<WorkflowRule[]> {
  const rows = (await db('workflow_rules')
    .where({ org_id: orgId, record_type: recordType, enabled: true })
    .whereIn('trigger_type', triggerTypes)
    .whereNull('deleted_at')
    .orderBy('id')) as RuleRow[];
  return rows.map(toRule);
}

const RECORD_TYPES_LISTENING = `SELECT DISTINCT record_type FROM workflow_rules
  WHERE org_id = ? AND trigger_type = ? AND enabled AND deleted_at IS NULL`;

// Asked on every filing, changed when an admin edits a rule: each trigger's answer is kept for a
// few seconds (another instance sees an edit within that), and forgotten here on every rule write.
const listening = new Map<WorkflowTriggerType, OrganisationCache<ReadonlySet<WorkflowRecordType>>>();

function forgetListening(orgId: string): void {
  for (const cache of listening.values()) cache.forget(orgId);
}

/** The record types with an enabled rule for this trigger: one question for a whole filing. */
export function recordTypesListening(
  db: Db,
  orgId: string,
  triggerType: WorkflowTriggerType,
): Promise<ReadonlySet<WorkflowRecordType>> {
  let cache = listening.get(triggerType);
  if (!cache) listening.set(triggerType, (cache = new OrganisationCache(5_000)));
  return cache.get(orgId, async () => {
    const { rows } = await db
      .raw<{ rows: { record_type: WorkflowRecordType }[] }>(RECORD_TYPES_LISTENING, [orgId, triggerType])
      .options(preparedStatement(RECORD_TYPES_LISTENING));
    return new Set(rows.map((row) => row.record_type));
  });
}
