import {
  PRIORITY_NAMES,
  type Delay,
  type WorkflowAction,
  type WorkflowAssignee,
  type WorkflowCondition,
  type WorkflowRecordType,
  type WorkflowRule,
  type WorkflowTrigger,
} from '@inbox-crm/shared/client';

/** Names for people, webhooks and plans, for saying a rule in words. */
export interface RuleNames {
  user(id: string): string;
  webhook(id: string): string;
  plan(id: string): string;
}

export const RECORD_WORDS: Record<WorkflowRecordType, string> = {
  account: 'Account',
  contact: 'Contact',
  opportunity: 'Opportunity',
  case: 'Case',
  task: 'Task',
};

const A_RECORD: Record<WorkflowRecordType, string> = {
  account: 'an account',
  contact: 'a contact',
  opportunity: 'an opportunity',
  case: 'a case',
  task: 'a task',
};

export const TRIGGER_WORDS: Record<WorkflowTrigger['type'], string> = {
  record_created: 'is created',
  field_changed: 'has a field changed',
  email_filed: 'has an email filed to it',
  task_overdue: 'goes overdue',
  sla_warning: 'nears a service level deadline',
  sla_breached: 'misses a service level deadline',
};

export const OPERATOR_WORDS: Record<WorkflowCondition['operator'], string> = {
  equals: 'is',
  not_equals: 'is not',
  in: 'is one of',
  greater_than: 'is more than',
  less_than: 'is less than',
  is_set: 'is filled in',
  is_not_set: 'is empty',
};

const value = (raw: unknown) => (Array.isArray(raw) ? raw.map(String).join(', ') : String(raw));

export const delayWords = (delay: Delay) =>
  `${delay.amount} ${delay.amount === 1 ? delay.unit.replace(/s$/, '') : delay.unit}`;

export function assigneeWords(assignee: WorkflowAssignee, names: RuleNames): string {
  if (assignee.type === 'owner') return 'the owner';
  if (assignee.type === 'owner_manager') return "the owner's manager";
  return names.user(assignee.userId);
}

function triggerWords(rule: WorkflowRule): string {
  const { trigger } = rule;
  if (trigger.type !== 'field_changed')
    return `When ${A_RECORD[rule.recordType]} ${TRIGGER_WORDS[trigger.type]}`;
  const to = trigger.to === undefined ? '' : ` to ${value(trigger.to)}`;
  return `When ${A_RECORD[rule.recordType]}'s ${trigger.field} changes${to}`;
}

function conditionWords(condition: WorkflowCondition): string {
  const needsValue = condition.operator !== 'is_set' && condition.operator !== 'is_not_set';
  return `${condition.field} ${OPERATOR_WORDS[condition.operator]}${needsValue ? ` ${value(condition.value)}` : ''}`;
}

export function actionWords(action: WorkflowAction, names: RuleNames): string {
  switch (action.type) {
    case 'create_task':
      return `create the task “${action.title}” for ${assigneeWords(action.assignTo, names)}, due in ${delayWords(action.dueIn)}`;
    case 'send_reminder': {
      const channels = [
        'in the app',
        ...(action.email ? ['by email'] : []),
        ...(action.webhookId ? [`to ${names.webhook(action.webhookId)}`] : []),
      ];
      const when = action.after.amount === 0 ? 'at once' : `after ${delayWords(action.after)}`;
      return `remind ${assigneeWords(action.to, names)} ${when} (${channels.join(', ')}): “${action.message}”`;
    }
    case 'call_webhook':
      return `call the webhook ${names.webhook(action.webhookId)}`;
    case 'start_plan':
      return `start the plan ${names.plan(action.planId)}`;
    case 'update_case': {
      const changes = [
        ...(action.priority ? [`set the priority to ${PRIORITY_NAMES[action.priority]}`] : []),
        ...(action.assignTo ? [`hand the case to ${assigneeWords(action.assignTo, names)}`] : []),
      ];
      return changes.join(' and ');
    }
  }
}

/** A rule as one sentence: "When an opportunity's stage changes to Contract sent, remind …". */
export function ruleWords(rule: WorkflowRule, names: RuleNames): string {
  const conditions = rule.conditions.length
    ? ` and ${rule.conditions.map(conditionWords).join(' and ')}`
    : '';
  return `${triggerWords(rule)}${conditions}: ${rule.actions.map((action) => actionWords(action, names)).join('; then ')}.`;
}
