import type { Knex } from 'knex';
import type { PlanStep, WorkflowAction, WorkflowCondition, WorkflowTrigger } from '@inbox-crm/shared';
import { newId } from '../db/ids.js';

interface DemoRule {
  name: string;
  recordType: 'opportunity' | 'case';
  trigger: WorkflowTrigger;
  conditions: WorkflowCondition[];
  actions: WorkflowAction[];
}

const PROPOSAL_STEPS: PlanStep[] = [
  { day: 0, type: 'email', title: 'Send a summary of the proposal' },
  { day: 3, type: 'call', title: 'Walk them through the proposal' },
  { day: 7, type: 'email', title: 'Ask where the decision stands' },
];

/**
 * The demo company's automation: an engagement plan for proposals and two rules (an urgent case
 * gets a call-back task; a proposal sent reminds the rep's manager three days on, and starts the plan).
 */
export async function insertDemoWorkflow(
  trx: Knex.Transaction,
  orgId: string,
  createdBy: string,
): Promise<void> {
  const planId = newId();
  await trx('engagement_plans').insert({
    org_id: orgId,
    id: planId,
    name: 'Proposal follow-up',
    record_type: 'opportunity',
    steps: JSON.stringify(PROPOSAL_STEPS),
    created_by: createdBy,
  });
  const rules: DemoRule[] = [
    {
      name: 'Urgent cases get a call-back within two hours',
      recordType: 'case',
      trigger: { type: 'record_created' },
      conditions: [{ field: 'priority', operator: 'equals', value: 'urgent' }],
      actions: [
        {
          type: 'create_task',
          title: 'Call the customer back about their urgent case',
          assignTo: { type: 'owner' },
          dueIn: { amount: 2, unit: 'hours' },
          priority: 'high',
        },
      ],
    },
    {
      name: 'Proposals: plan the follow-up, and tell the manager three days on',
      recordType: 'opportunity',
      trigger: { type: 'field_changed', field: 'stage', to: 'Proposal' },
      conditions: [],
      actions: [
        { type: 'start_plan', planId },
        {
          type: 'send_reminder',
          to: { type: 'owner_manager' },
          after: { amount: 3, unit: 'days' },
          message: 'A proposal went out three days ago: check in with the rep',
          email: false,
        },
      ],
    },
  ];
  await trx('workflow_rules').insert(
    rules.map((rule) => ({
      org_id: orgId,
      id: newId(),
      name: rule.name,
      record_type: rule.recordType,
      trigger_type: rule.trigger.type,
      definition: JSON.stringify({
        trigger: rule.trigger,
        conditions: rule.conditions,
        actions: rule.actions,
      }),
      created_by: createdBy,
    })),
  );
}
