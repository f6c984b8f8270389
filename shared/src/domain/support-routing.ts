import type { CasePriority } from '../schemas/cases.js';
import type {
  CaseAssignment,
  ConditionVerdict,
  RoutingCondition,
  RoutingRule,
} from '../schemas/support-routing.js';
import { emailDomain, normalizeEmail } from './email-address.js';
import { conditionHolds, type RuleRecord } from './workflow-match.js';

/** What routing may look at: the message, and the sender's contact and account when the CRM knows them. */
export interface RoutingFacts {
  from: string;
  subject: string;
  body: string;
  /** Header values by lower-case name. */
  headers: ReadonlyMap<string, string>;
  attachmentNames: readonly string[];
  contact: RuleRecord | null;
  account: (RuleRecord & { openOpportunities: number }) | null;
}

/**
 * Tests a regular expression on a text; 'timed_out' when it ran past its time limit. The server
 * runs patterns where a runaway one can be stopped; shared code only asks.
 */
export type PatternTest = (pattern: string, text: string) => boolean | 'timed_out';

/** Patterns are matched without regard to case, with Unicode rules. */
export const PATTERN_FLAGS = 'iu';

/** Why a pattern cannot be used (its syntax), or null. */
export function patternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, PATTERN_FLAGS);
    return null;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);

/** Whether the text holds the phrase as whole words, without regard to case. */
export function containsWords(text: string, phrase: string): boolean {
  const haystack = text.toLowerCase();
  const needle = phrase.trim().toLowerCase();
  if (!needle) return false;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (!(isWordChar(needle[0]) && isWordChar(before)) && !(isWordChar(needle.at(-1)) && isWordChar(after))) {
      return true;
    }
  }
  return false;
}

const verdictOf = (result: boolean | 'timed_out'): ConditionVerdict =>
  result === 'timed_out' ? 'timed_out' : result ? 'holds' : 'fails';

function textTest(
  test: 'contains' | 'matches',
  sought: string,
  text: string,
  patternTest: PatternTest,
): boolean | 'timed_out' {
  return test === 'contains' ? containsWords(text, sought) : patternTest(sought, text);
}

function domainMatches(sender: string, domains: readonly string[]): boolean {
  const domain = emailDomain(sender);
  return domains.some((candidate) => {
    const wanted = candidate.toLowerCase().replace(/^\.+|\.+$/g, '');
    return domain === wanted || domain.endsWith(`.${wanted}`);
  });
}

function rawVerdict(
  condition: RoutingCondition,
  facts: RoutingFacts,
  patternTest: PatternTest,
): boolean | 'timed_out' {
  switch (condition.on) {
    case 'sender': {
      const sender = normalizeEmail(facts.from);
      const value = condition.value.trim().toLowerCase();
      return condition.test === 'is' ? sender === normalizeEmail(value) : sender.includes(value);
    }
    case 'sender_domain':
      return domainMatches(facts.from, condition.value);
    case 'subject':
    case 'body':
      return textTest(condition.test, condition.value, facts[condition.on], patternTest);
    case 'header': {
      const value = facts.headers.get(condition.name.toLowerCase());
      if (value === undefined) return false;
      if (condition.test === 'present') return true;
      return textTest(condition.test, condition.value ?? '', value, patternTest);
    }
    case 'attachment': {
      if (condition.test === 'any') return facts.attachmentNames.length > 0;
      let verdict: boolean | 'timed_out' = false;
      for (const name of facts.attachmentNames) {
        verdict = patternTest(condition.value ?? '', name);
        if (verdict !== false) return verdict;
      }
      return verdict;
    }
    case 'account':
      if (!facts.account) return false;
      return condition.test === 'known' || facts.account.openOpportunities > 0;
    case 'account_field':
    case 'contact_field': {
      const record = condition.on === 'account_field' ? facts.account : facts.contact;
      return record !== null && conditionHolds(record, condition.condition);
    }
  }
}

/** Whether one condition holds. A pattern that ran out of time neither holds nor, negated, fails. */
export function conditionVerdict(
  condition: RoutingCondition,
  facts: RoutingFacts,
  patternTest: PatternTest,
): ConditionVerdict {
  const verdict = verdictOf(rawVerdict(condition, facts, patternTest));
  if (verdict === 'timed_out' || !condition.negate) return verdict;
  return verdict === 'holds' ? 'fails' : 'holds';
}

export interface RuleVerdict {
  matched: boolean;
  conditions: ConditionVerdict[];
}

/** Every rule's verdict up to the first that matches (the rest are not reached), and which it was. */
export function routeMessage(
  rules: readonly RoutingRule[],
  facts: RoutingFacts,
  patternTest: PatternTest,
): { matchedRule: number | null; verdicts: RuleVerdict[] } {
  let matchedRule: number | null = null;
  const verdicts = rules.map((rule, index): RuleVerdict => {
    if (matchedRule !== null || !rule.enabled) {
      return { matched: false, conditions: rule.conditions.map(() => 'not_reached') };
    }
    const conditions: ConditionVerdict[] = [];
    for (const condition of rule.conditions) {
      const verdict = conditions.every((earlier) => earlier === 'holds')
        ? conditionVerdict(condition, facts, patternTest)
        : 'not_reached';
      conditions.push(verdict);
    }
    const matched = conditions.every((verdict) => verdict === 'holds');
    if (matched) matchedRule = index;
    return { matched, conditions };
  });
  return { matchedRule, verdicts };
}

/** What a new case gets from its mailbox and the rule that matched, if one did. */
export interface RoutedCase {
  teamId: string | null;
  priority: CasePriority;
  category: string | null;
  assign: CaseAssignment;
  acknowledge: boolean;
}

export function routedCase(
  mailbox: { teamId: string | null; acknowledge: boolean },
  rule: RoutingRule | null,
): RoutedCase {
  const actions = rule?.actions ?? {};
  return {
    teamId: actions.teamId !== undefined ? actions.teamId : mailbox.teamId,
    priority: actions.priority ?? 'normal',
    category: actions.category ?? null,
    assign: actions.assign ?? { strategy: 'nobody' },
    acknowledge: actions.acknowledge ?? mailbox.acknowledge,
  };
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** The placeholders a template uses that are not among those known. */
export function unknownPlaceholders(template: string, known: readonly string[]): string[] {
  const unknown = new Set<string>();
  for (const [, name] of template.matchAll(PLACEHOLDER)) if (!known.includes(name!)) unknown.add(name!);
  return [...unknown];
}

/** A template with `{{name}}` placeholders filled in; an unknown one is left as written. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
