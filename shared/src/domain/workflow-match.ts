import type { FieldValue, WorkflowCondition, WorkflowTrigger } from '../schemas/workflow.js';

/** A record as rules see it: field name to value (see RULE_FIELDS). */
export type RuleRecord = Readonly<Record<string, unknown>>;

const isSet = (value: unknown) => value !== null && value !== undefined && value !== '';

// Text compares without regard to case (stage names, priorities typed by hand); numbers as numbers.
function same(left: unknown, right: FieldValue): boolean {
  if (typeof left === 'string' && typeof right === 'string')
    return left.toLowerCase() === right.toLowerCase();
  return left === right;
}

function compare(left: unknown, right: unknown): number | null {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  return null;
}

/** Whether one condition holds for the record. */
export function conditionHolds(record: RuleRecord, condition: WorkflowCondition): boolean {
  const value = record[condition.field];
  const expected = condition.value;
  switch (condition.operator) {
    case 'is_set':
      return isSet(value);
    case 'is_not_set':
      return !isSet(value);
    case 'equals':
      return !Array.isArray(expected) && same(value, expected ?? null);
    case 'not_equals':
      return !Array.isArray(expected) && !same(value, expected ?? null);
    case 'in':
      return Array.isArray(expected) && expected.some((candidate) => same(value, candidate));
    case 'greater_than':
    case 'less_than': {
      const order = compare(value, expected);
      if (order === null) return false;
      return condition.operator === 'greater_than' ? order > 0 : order < 0;
    }
  }
}

/** Whether every condition holds (no conditions: always). */
export function conditionsHold(record: RuleRecord, conditions: readonly WorkflowCondition[]): boolean {
  return conditions.every((condition) => conditionHolds(record, condition));
}

/**
 * Whether an update fires a field_changed trigger: the field's value differs before and after and,
 * when the trigger names a value, is that value now.
 */
export function fieldChangeFires(
  trigger: Extract<WorkflowTrigger, { type: 'field_changed' }>,
  before: RuleRecord,
  after: RuleRecord,
): boolean {
  const was = before[trigger.field] ?? null;
  const now = after[trigger.field] ?? null;
  if (
    typeof was === 'string' && typeof now === 'string' ? was.toLowerCase() === now.toLowerCase() : was === now
  )
    return false;
  return trigger.to === undefined || same(now, trigger.to);
}
