import type { RoutingCondition, WorkflowCatalogue } from '@inbox-crm/shared/client';
import {
  conditionDraftOf,
  conditionOf,
  type CatalogueField,
  type ConditionDraft as FieldConditionDraft,
} from '../workflow/rule-draft.js';
import { TEST_WORDS, type ConditionSubject } from './routing-words.js';

/** A routing condition as the form holds it: every kind's inputs, as text until it is saved. */
export interface ConditionDraft {
  on: ConditionSubject;
  test: string;
  value: string;
  /** A header's name. */
  name: string;
  negate: boolean;
  /** An account's or contact's field, compared as workflow rules compare it. */
  field: FieldConditionDraft;
}

const firstTest = (on: ConditionSubject) => Object.keys(TEST_WORDS[on] ?? {})[0] ?? '';

export const newCondition = (on: ConditionSubject, fields: readonly CatalogueField[]): ConditionDraft => ({
  on,
  test: firstTest(on),
  value: '',
  name: '',
  negate: false,
  field: { field: fields[0]?.name ?? '', operator: 'equals', text: '' },
});

/** The fields a rule may compare on the sender's account or contact. */
export function recordFields(catalogue: WorkflowCatalogue, on: ConditionSubject): readonly CatalogueField[] {
  const type = on === 'contact_field' ? 'contact' : 'account';
  return catalogue.recordTypes.find((entry) => entry.type === type)?.fields ?? [];
}

export function draftOfCondition(condition: RoutingCondition, catalogue: WorkflowCatalogue): ConditionDraft {
  const draft = {
    ...newCondition(condition.on, recordFields(catalogue, condition.on)),
    negate: !!condition.negate,
  };
  switch (condition.on) {
    case 'sender_domain':
      return { ...draft, value: condition.value.join(', ') };
    case 'header':
      return { ...draft, test: condition.test, name: condition.name, value: condition.value ?? '' };
    case 'attachment':
      return { ...draft, test: condition.test, value: condition.value ?? '' };
    case 'account':
      return { ...draft, test: condition.test };
    case 'account_field':
    case 'contact_field':
      return { ...draft, field: conditionDraftOf(condition.condition) };
    default:
      return { ...draft, test: condition.test, value: condition.value };
  }
}

/** The condition the API takes; the server judges whether it can work (a pattern's syntax, a field). */
export function conditionOfDraft(draft: ConditionDraft, catalogue: WorkflowCatalogue): RoutingCondition {
  const negate = draft.negate ? { negate: true } : {};
  const value = draft.value.trim();
  switch (draft.on) {
    case 'sender':
      return { on: 'sender', test: draft.test as 'is' | 'contains', value, ...negate };
    case 'sender_domain':
      return {
        on: 'sender_domain',
        value: value.split(/[\s,]+/).filter(Boolean),
        ...negate,
      };
    case 'subject':
    case 'body':
      return { on: draft.on, test: draft.test as 'contains' | 'matches', value, ...negate };
    case 'header':
      return {
        on: 'header',
        name: draft.name.trim(),
        test: draft.test as 'present' | 'contains' | 'matches',
        ...(draft.test === 'present' ? {} : { value }),
        ...negate,
      };
    case 'attachment':
      return {
        on: 'attachment',
        test: draft.test as 'any' | 'name_matches',
        ...(draft.test === 'any' ? {} : { value }),
        ...negate,
      };
    case 'account':
      return { on: 'account', test: draft.test as 'known' | 'has_open_opportunity', ...negate };
    case 'account_field':
    case 'contact_field':
      return {
        on: draft.on,
        condition: conditionOf(recordFields(catalogue, draft.on), draft.field),
        ...negate,
      };
  }
}
