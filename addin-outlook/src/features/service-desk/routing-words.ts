import {
  PRIORITY_NAMES,
  type AssignmentStrategy,
  type ConditionVerdict,
  type RoutingActions,
  type RoutingCondition,
} from '@inbox-crm/shared/client';
import { OPERATOR_WORDS } from '../workflow/rule-words.js';

export type ConditionSubject = RoutingCondition['on'];

/** What a condition looks at, as the rule form offers it. */
export const SUBJECT_WORDS: Record<ConditionSubject, string> = {
  sender: 'Sender address',
  sender_domain: 'Sender domain',
  subject: 'Subject',
  body: 'Message text',
  header: 'Header',
  attachment: 'Attachments',
  account: 'Sender’s account',
  account_field: 'Account field',
  contact_field: 'Contact field',
};

/** The tests each kind of condition offers, in words. */
export const TEST_WORDS: Partial<Record<ConditionSubject, Record<string, string>>> = {
  sender: { is: 'is', contains: 'contains' },
  subject: { contains: 'has the words', matches: 'matches the pattern' },
  body: { contains: 'has the words', matches: 'matches the pattern' },
  header: { present: 'is present', contains: 'has the words', matches: 'matches the pattern' },
  attachment: { any: 'there is one', name_matches: 'a file name matches the pattern' },
  account: { known: 'is known', has_open_opportunity: 'has an open opportunity' },
};

export const VERDICT_WORDS: Record<ConditionVerdict, string> = {
  holds: 'holds',
  fails: 'does not hold',
  timed_out: 'took too long, so does not hold',
  not_reached: 'not checked',
};

export const ASSIGNMENT_WORDS: Record<AssignmentStrategy, string> = {
  nobody: 'Nobody',
  person: 'A named person',
  round_robin: 'The queue’s members in turn',
  least_busy: 'The least busy queue member',
};

const quoted = (text: string | undefined) => `“${text ?? ''}”`;

/** A condition in one line: "Subject has the words “refund”", "not: Sender domain is acme.example". */
export function conditionLine(condition: RoutingCondition): string {
  const subject = SUBJECT_WORDS[condition.on];
  let line: string;
  switch (condition.on) {
    case 'sender_domain':
      line = `${subject} is ${condition.value.join(' or ')}`;
      break;
    case 'header':
      line = `Header ${condition.name} ${TEST_WORDS.header![condition.test]}${condition.test === 'present' ? '' : ` ${quoted(condition.value)}`}`;
      break;
    case 'attachment':
      line = `${subject}: ${TEST_WORDS.attachment![condition.test]}${condition.test === 'any' ? '' : ` ${quoted(condition.value)}`}`;
      break;
    case 'account':
      line = `${subject} ${TEST_WORDS.account![condition.test]}`;
      break;
    case 'account_field':
    case 'contact_field': {
      const { field, operator, value } = condition.condition;
      const shown = value === undefined ? '' : ` ${Array.isArray(value) ? value.join(', ') : String(value)}`;
      line = `${subject} ${field} ${OPERATOR_WORDS[operator]}${shown}`;
      break;
    }
    default:
      line = `${subject} ${TEST_WORDS[condition.on]![condition.test]} ${quoted(condition.value)}`;
  }
  return condition.negate ? `Not: ${line}` : line;
}

/** What a rule does, in one line; `names` turns a team's or person's id into a name. */
export function actionsLine(actions: RoutingActions, names: (id: string) => string): string {
  const parts = [
    actions.teamId !== undefined && (actions.teamId ? `queue ${names(actions.teamId)}` : 'no queue'),
    actions.priority && `priority ${PRIORITY_NAMES[actions.priority]}`,
    actions.category !== undefined && (actions.category ? `category ${actions.category}` : 'no category'),
    actions.assign &&
      (actions.assign.strategy === 'person'
        ? `assigned to ${names(actions.assign.userId)}`
        : `assigned to ${ASSIGNMENT_WORDS[actions.assign.strategy].toLowerCase()}`),
    actions.acknowledge !== undefined && (actions.acknowledge ? 'acknowledged' : 'not acknowledged'),
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : 'the mailbox’s queue, nothing else changed';
}
