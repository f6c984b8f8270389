import { conditionsHold, fieldChangeFires, type RuleRecord, type WorkflowRule } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { JobContext } from '../../jobs/job-types.js';
import { runAction, type RuleFiring } from './actions.js';

/** Whether the rule fires for this event: its trigger matches what happened and its conditions hold. */
function fires(rule: WorkflowRule, event: RuleFiring['event'], record: RuleRecord): boolean {
  const subject =
    event.trigger === 'record_created' || event.trigger === 'field_changed' ? event.after : record;
  if (rule.trigger.type === 'field_changed') {
    if (!event.before || !fieldChangeFires(rule.trigger, event.before, event.after)) return false;
  }
  return conditionsHold(subject, rule.conditions);
}

/** Runs the actions of every rule that fires, in order, in the job's transaction. */
export async function fireRules(
  trx: Knex.Transaction,
  rules: readonly WorkflowRule[],
  firing: Omit<RuleFiring, 'rule'>,
  context: JobContext,
): Promise<void> {
  for (const rule of rules) {
    if (!fires(rule, firing.event, firing.record)) continue;
    for (const action of rule.actions) await runAction(trx, { ...firing, rule }, action, context);
  }
}
