import {
  operatorsFor,
  RULE_FIELDS,
  RULE_TRIGGERS,
  WORKFLOW_RECORD_TYPES,
  type WorkflowCatalogue,
  type WorkflowRule,
  type WorkflowRuleCreate,
  type WorkflowRuleUpdate,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { NotFound, StaleVersion } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import * as rules from './repository.js';
import { validateRule, type RuleEnvironment } from './rule-validation.js';

/** What rules can name, for the rule form: record types, their triggers, fields and operators. */
export function ruleCatalogue(actor: Actor, environment: RuleEnvironment): WorkflowCatalogue {
  requireRole(actor, 'admin');
  return {
    recordTypes: WORKFLOW_RECORD_TYPES.map((type) => ({
      type,
      triggers: [...RULE_TRIGGERS[type]],
      fields: RULE_FIELDS[type].map(({ choices, ...field }) => ({
        ...field,
        ...(choices ? { choices: [...choices] } : {}),
        operators: [...operatorsFor(field.kind)],
      })),
    })),
    emailEnabled: environment.emailEnabled,
  };
}

export function listRules(db: Knex, actor: Actor): Promise<WorkflowRule[]> {
  requireRole(actor, 'admin');
  return rules.listRules(db, actor.orgId);
}

export async function getRule(db: Knex, actor: Actor, id: string): Promise<WorkflowRule> {
  requireRole(actor, 'admin');
  const rule = await rules.findRule(db, actor.orgId, id);
  if (!rule) throw new NotFound('Workflow rule');
  return rule;
}

export function createRule(
  db: Knex,
  actor: Actor,
  input: WorkflowRuleCreate,
  environment: RuleEnvironment,
): Promise<WorkflowRule> {
  requireRole(actor, 'admin');
  const rule: rules.RuleDefinition = {
    name: input.name.trim(),
    enabled: input.enabled ?? true,
    recordType: input.recordType,
    trigger: input.trigger,
    conditions: input.conditions ?? [],
    actions: input.actions,
  };
  return db.transaction(async (trx) => {
    await validateRule(trx, actor.orgId, rule, environment);
    const id = newId();
    await rules.insertRule(trx, actor.orgId, id, actor.userId, rule);
    const created = (await rules.findRule(trx, actor.orgId, id))!;
    await recordAudit(trx, actor, 'create', 'workflow_rule', id, null, created);
    return created;
  });
}

export function updateRule(
  db: Knex,
  actor: Actor,
  id: string,
  input: WorkflowRuleUpdate,
  environment: RuleEnvironment,
): Promise<WorkflowRule> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    const before = await rules.findRule(trx, actor.orgId, id, true);
    if (!before) throw new NotFound('Workflow rule');
    if (before.version !== input.version) throw new StaleVersion('This rule', before.version);
    const { version: _version, ...changes } = input;
    const rule: rules.RuleDefinition = { ...before, ...changes, name: (changes.name ?? before.name).trim() };
    await validateRule(trx, actor.orgId, rule, environment);
    await rules.updateRule(trx, actor.orgId, id, rule);
    const after = (await rules.findRule(trx, actor.orgId, id))!;
    await recordAudit(trx, actor, 'update', 'workflow_rule', id, before, after);
    return after;
  });
}

export function deleteRule(db: Knex, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    const before = await rules.findRule(trx, actor.orgId, id, true);
    if (!before) throw new NotFound('Workflow rule');
    await rules.deleteRule(trx, actor.orgId, id);
    await recordAudit(trx, actor, 'delete', 'workflow_rule', id, before, null);
  });
}
