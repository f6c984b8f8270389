import {
  operatorsFor,
  RULE_TRIGGERS,
  ruleField,
  type FieldValue,
  type RuleField,
  type WorkflowAction,
  type WorkflowAssignee,
  type WorkflowCondition,
  type WorkflowRecordType,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { Unprocessable } from '../../errors.js';
import type { RuleDefinition } from './repository.js';

/** What a rule's validity depends on besides the organisation's data. */
export interface RuleEnvironment {
  emailEnabled: boolean;
}

const refuse = (message: string, path: string): never => {
  throw new Unprocessable('invalid_rule', message, [{ path }]);
};

async function checkValue(
  trx: Knex.Transaction,
  orgId: string,
  field: RuleField,
  value: FieldValue | undefined,
  path: string,
): Promise<void> {
  if (value === null || value === undefined) return;
  const wrongType = (expected: string) =>
    refuse(`${field.label} is ${expected}; ${JSON.stringify(value)} is not.`, path);
  switch (field.kind) {
    case 'number':
      if (typeof value !== 'number') wrongType('a number');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') wrongType('true or false');
      return;
    case 'choice':
      if (typeof value !== 'string' || !field.choices!.includes(value)) {
        refuse(`${field.label} is one of ${field.choices!.join(', ')}; "${String(value)}" is not.`, path);
      }
      return;
    case 'stage': {
      const stage =
        typeof value === 'string' &&
        ((await trx('pipeline_stages')
          .where({ org_id: orgId })
          .whereRaw('lower(name) = lower(?)', [value])
          .first('id')) as { id: string } | undefined);
      if (!stage) refuse(`There is no pipeline stage named "${String(value)}".`, path);
      return;
    }
    case 'user': {
      const user =
        typeof value === 'string' &&
        /^[0-9a-f-]{36}$/i.test(value) &&
        ((await trx('users').where({ org_id: orgId, id: value }).first('id')) as { id: string } | undefined);
      if (!user) refuse(`No user of your organisation has the id ${String(value)}.`, path);
      return;
    }
    default:
      if (typeof value !== 'string') wrongType('text');
  }
}

export async function checkCondition(
  trx: Knex.Transaction,
  orgId: string,
  recordType: WorkflowRecordType,
  condition: WorkflowCondition,
  path: string,
) {
  const field =
    ruleField(recordType, condition.field) ??
    refuse(`A ${recordType} has no field ${condition.field}.`, `${path}/field`);
  if (!operatorsFor(field.kind).includes(condition.operator)) {
    refuse(`${field.label} cannot be compared with ${condition.operator}.`, `${path}/operator`);
  }
  const needsValue = condition.operator !== 'is_set' && condition.operator !== 'is_not_set';
  if (needsValue && condition.value === undefined)
    refuse(`${condition.operator} needs a value.`, `${path}/value`);
  if (condition.operator === 'in' && !Array.isArray(condition.value))
    refuse('in needs a list of values.', `${path}/value`);
  if (condition.operator !== 'in' && Array.isArray(condition.value))
    refuse(`${condition.operator} takes one value, not a list.`, `${path}/value`);
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  for (const value of values) await checkValue(trx, orgId, field, value, `${path}/value`);
}

async function checkAssignee(trx: Knex.Transaction, orgId: string, assignee: WorkflowAssignee, path: string) {
  if (assignee.type !== 'user') return;
  const user = (await trx('users').where({ org_id: orgId, id: assignee.userId }).first('active')) as
    { active: boolean } | undefined;
  if (!user?.active) refuse('That user is not an active user of your organisation.', `${path}/userId`);
}

async function checkWebhook(trx: Knex.Transaction, orgId: string, webhookId: string, path: string) {
  const webhook = (await trx('webhooks')
    .where({ org_id: orgId, id: webhookId })
    .whereNull('deleted_at')
    .first('active')) as { active: boolean } | undefined;
  if (!webhook?.active) refuse('That webhook does not exist or is switched off.', path);
}

async function checkAction(
  trx: Knex.Transaction,
  orgId: string,
  rule: RuleDefinition,
  action: WorkflowAction,
  path: string,
  environment: RuleEnvironment,
) {
  switch (action.type) {
    case 'create_task':
      return checkAssignee(trx, orgId, action.assignTo, `${path}/assignTo`);
    case 'send_reminder':
      await checkAssignee(trx, orgId, action.to, `${path}/to`);
      if (action.email && !environment.emailEnabled) {
        refuse(
          'Email reminders need SMTP, which this server does not have set up (SMTP_URL).',
          `${path}/email`,
        );
      }
      if (action.webhookId) await checkWebhook(trx, orgId, action.webhookId, `${path}/webhookId`);
      return;
    case 'call_webhook':
      return checkWebhook(trx, orgId, action.webhookId, `${path}/webhookId`);
    case 'start_plan': {
      const plan = (await trx('engagement_plans')
        .where({ org_id: orgId, id: action.planId })
        .whereNull('deleted_at')
        .first('record_type', 'name')) as { record_type: string; name: string } | undefined;
      if (!plan) refuse('That engagement plan does not exist.', `${path}/planId`);
      else if (plan.record_type !== rule.recordType) {
        refuse(
          `The plan ${plan.name} is for ${plan.record_type} records, and this rule watches ${rule.recordType} records.`,
          `${path}/planId`,
        );
      }
      return;
    }
    case 'update_case':
      if (rule.recordType !== 'case') refuse('Only a case rule can change a case.', `${path}/type`);
      if (action.priority === undefined && action.assignTo === undefined) {
        refuse('Say what changes: the priority, who the case is for, or both.', path);
      }
      if (action.assignTo) await checkAssignee(trx, orgId, action.assignTo, `${path}/assignTo`);
      return;
  }
}

/**
 * Refuses (422 invalid_rule, with the path at fault) a rule that could never work: a trigger the
 * record type cannot fire, a field it does not have, a value the field cannot take, a user, plan or
 * webhook that does not exist, or an email reminder on a server that cannot send email.
 */
export async function validateRule(
  trx: Knex.Transaction,
  orgId: string,
  rule: RuleDefinition,
  environment: RuleEnvironment,
): Promise<void> {
  const { recordType, trigger } = rule;
  if (!RULE_TRIGGERS[recordType].includes(trigger.type)) {
    refuse(`A ${recordType} rule cannot be triggered by ${trigger.type}.`, '/trigger/type');
  }
  if (trigger.type === 'field_changed') {
    const field =
      ruleField(recordType, trigger.field) ??
      refuse(`A ${recordType} has no field ${trigger.field}.`, '/trigger/field');
    await checkValue(trx, orgId, field, trigger.to, '/trigger/to');
  }
  for (const [index, condition] of rule.conditions.entries()) {
    await checkCondition(trx, orgId, recordType, condition, `/conditions/${index}`);
  }
  for (const [index, action] of rule.actions.entries()) {
    await checkAction(trx, orgId, rule, action, `/actions/${index}`, environment);
  }
}
