import type {
  FieldValue,
  WorkflowAction,
  WorkflowCatalogue,
  WorkflowCondition,
  WorkflowRecordType,
  WorkflowRule,
  WorkflowRuleCreate,
  WorkflowTrigger,
} from '@inbox-crm/shared/client';

export type CatalogueField = WorkflowCatalogue['recordTypes'][number]['fields'][number];

/** A condition as typed into the form: its value is text until the rule is saved. */
export interface ConditionDraft {
  field: string;
  operator: WorkflowCondition['operator'];
  text: string;
}

/** The rule being written, as the form holds it. */
export interface RuleDraft {
  name: string;
  recordType: WorkflowRecordType;
  triggerType: WorkflowTrigger['type'];
  /** For field_changed: the field, and the value it must change to ('' for any). */
  field: string;
  to: string;
  conditions: ConditionDraft[];
  actions: WorkflowAction[];
}

export const emptyDraft = (): RuleDraft => ({
  name: '',
  recordType: 'opportunity',
  triggerType: 'record_created',
  field: '',
  to: '',
  conditions: [],
  actions: [],
});

/** A compared value as the form shows it: lists comma separated, nothing as empty. */
const asText = (value: FieldValue | FieldValue[] | undefined): string =>
  Array.isArray(value)
    ? value.map((item) => asText(item)).join(', ')
    : value === null || value === undefined
      ? ''
      : String(value);

/** A saved condition, back in the form's terms. */
export const conditionDraftOf = (condition: WorkflowCondition): ConditionDraft => ({
  field: condition.field,
  operator: condition.operator,
  text: asText(condition.value),
});

/** A saved rule, back in the form's terms, for editing. */
export function draftOf(rule: WorkflowRule): RuleDraft {
  const { trigger } = rule;
  return {
    name: rule.name,
    recordType: rule.recordType,
    triggerType: trigger.type,
    field: trigger.type === 'field_changed' ? trigger.field : '',
    to: trigger.type === 'field_changed' ? asText(trigger.to) : '',
    conditions: rule.conditions.map(conditionDraftOf),
    actions: rule.actions,
  };
}

export const NEW_ACTIONS: Record<WorkflowAction['type'], () => WorkflowAction> = {
  create_task: () => ({
    type: 'create_task',
    title: '',
    assignTo: { type: 'owner' },
    dueIn: { amount: 1, unit: 'days' },
  }),
  send_reminder: () => ({
    type: 'send_reminder',
    to: { type: 'owner' },
    after: { amount: 1, unit: 'days' },
    message: '',
    email: false,
  }),
  call_webhook: () => ({ type: 'call_webhook', webhookId: '' }),
  start_plan: () => ({ type: 'start_plan', planId: '' }),
  update_case: () => ({ type: 'update_case', priority: 'urgent' }),
};

/** The text typed for a field, as the value the API compares (a number, true/false, or text). */
function valueOf(field: CatalogueField | undefined, text: string): FieldValue {
  const trimmed = text.trim();
  if (field?.kind === 'number' && trimmed !== '' && !Number.isNaN(Number(trimmed))) return Number(trimmed);
  if (field?.kind === 'boolean') return trimmed === 'true';
  return trimmed;
}

export function conditionOf(fields: readonly CatalogueField[], draft: ConditionDraft): WorkflowCondition {
  const field = fields.find((candidate) => candidate.name === draft.field);
  if (draft.operator === 'is_set' || draft.operator === 'is_not_set')
    return { field: draft.field, operator: draft.operator };
  if (draft.operator === 'in') {
    return {
      field: draft.field,
      operator: 'in',
      value: draft.text.split(',').map((part) => valueOf(field, part)),
    };
  }
  return { field: draft.field, operator: draft.operator, value: valueOf(field, draft.text) };
}

/** The API body for the draft; the server judges whether the rule can work. */
export function ruleBody(draft: RuleDraft, catalogue: WorkflowCatalogue): WorkflowRuleCreate {
  const fields = catalogue.recordTypes.find((entry) => entry.type === draft.recordType)?.fields ?? [];
  const trigger: WorkflowTrigger =
    draft.triggerType === 'field_changed'
      ? {
          type: 'field_changed',
          field: draft.field,
          ...(draft.to.trim() === ''
            ? {}
            : {
                to: valueOf(
                  fields.find((field) => field.name === draft.field),
                  draft.to,
                ),
              }),
        }
      : { type: draft.triggerType };
  return {
    name: draft.name,
    recordType: draft.recordType,
    trigger,
    conditions: draft.conditions.map((condition) => conditionOf(fields, condition)),
    actions: draft.actions,
  };
}
