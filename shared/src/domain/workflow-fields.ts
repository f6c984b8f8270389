import { CASE_PRIORITIES, CASE_STATUSES } from '../schemas/cases.js';
import { STAGE_KINDS } from '../schemas/organisation.js';
import { TASK_PRIORITIES } from '../schemas/tasks.js';
import type {
  ConditionOperator,
  RULE_FIELD_KINDS,
  WorkflowRecordType,
  WorkflowTriggerType,
} from '../schemas/workflow.js';

/**
 * How a rule may treat a field: `stage` is an opportunity's stage by name, `user` a user id,
 * `reference` another record's id, `choice` one of a fixed list.
 */
export type RuleFieldKind = (typeof RULE_FIELD_KINDS)[number];

export interface RuleField {
  name: string;
  label: string;
  kind: RuleFieldKind;
  choices?: readonly string[];
}

const owner: RuleField = { name: 'ownerId', label: 'Owner', kind: 'user' };
const account: RuleField = { name: 'accountId', label: 'Account', kind: 'reference' };
const contact: RuleField = { name: 'contactId', label: 'Contact', kind: 'reference' };

/** The fields a rule may watch or test, per record type. */
export const RULE_FIELDS: Readonly<Record<WorkflowRecordType, readonly RuleField[]>> = {
  account: [
    { name: 'name', label: 'Name', kind: 'text' },
    { name: 'industry', label: 'Industry', kind: 'text' },
    { name: 'website', label: 'Website', kind: 'text' },
    owner,
  ],
  contact: [
    { name: 'firstName', label: 'First name', kind: 'text' },
    { name: 'lastName', label: 'Last name', kind: 'text' },
    { name: 'title', label: 'Job title', kind: 'text' },
    account,
    owner,
  ],
  opportunity: [
    { name: 'name', label: 'Name', kind: 'text' },
    { name: 'stage', label: 'Stage', kind: 'stage' },
    { name: 'status', label: 'Status', kind: 'choice', choices: STAGE_KINDS },
    { name: 'amountMinor', label: 'Amount (minor units)', kind: 'number' },
    { name: 'currency', label: 'Currency', kind: 'text' },
    { name: 'closeDate', label: 'Close date', kind: 'date' },
    { name: 'probability', label: 'Probability', kind: 'number' },
    account,
    contact,
    owner,
  ],
  case: [
    { name: 'subject', label: 'Subject', kind: 'text' },
    { name: 'status', label: 'Status', kind: 'choice', choices: CASE_STATUSES },
    { name: 'priority', label: 'Priority', kind: 'choice', choices: CASE_PRIORITIES },
    account,
    contact,
    owner,
  ],
  task: [
    { name: 'title', label: 'Title', kind: 'text' },
    { name: 'priority', label: 'Priority', kind: 'choice', choices: TASK_PRIORITIES },
    { name: 'done', label: 'Done', kind: 'boolean' },
    { name: 'dueAt', label: 'Due', kind: 'datetime' },
    { name: 'assigneeId', label: 'Assignee', kind: 'user' },
    account,
    contact,
    { name: 'opportunityId', label: 'Opportunity', kind: 'reference' },
    { name: 'caseId', label: 'Case', kind: 'reference' },
  ],
};

/** Which triggers each record type can fire. */
export const RULE_TRIGGERS: Readonly<Record<WorkflowRecordType, readonly WorkflowTriggerType[]>> = {
  account: ['record_created', 'field_changed', 'email_filed'],
  contact: ['record_created', 'field_changed', 'email_filed'],
  opportunity: ['record_created', 'field_changed', 'email_filed'],
  case: ['record_created', 'field_changed', 'email_filed', 'sla_warning', 'sla_breached'],
  task: ['record_created', 'field_changed', 'task_overdue'],
};

const ORDERED: ReadonlySet<RuleFieldKind> = new Set(['number', 'date', 'datetime']);

/** The operators that make sense for a kind of field. */
export function operatorsFor(kind: RuleFieldKind): readonly ConditionOperator[] {
  const base: ConditionOperator[] = ['equals', 'not_equals', 'is_set', 'is_not_set'];
  if (kind !== 'boolean') base.push('in');
  if (ORDERED.has(kind)) base.push('greater_than', 'less_than');
  return base;
}

export function ruleField(recordType: WorkflowRecordType, name: string): RuleField | undefined {
  return RULE_FIELDS[recordType].find((field) => field.name === name);
}
