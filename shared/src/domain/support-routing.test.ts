import { describe, expect, it } from 'vitest';
import type { RoutingCondition, RoutingRule } from '../schemas/support-routing.js';
import {
  conditionVerdict,
  containsWords,
  fillTemplate,
  patternProblem,
  routedCase,
  routeMessage,
  unknownPlaceholders,
  type PatternTest,
  type RoutingFacts,
} from './support-routing.js';

const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  from: 'Jane.Doe@eu.globex.example',
  subject: 'Invoice 2291 is wrong',
  body: 'Our refund did not arrive.\nRegards, Jane',
  headers: new Map([['x-priority', '1 (Highest)']]),
  attachmentNames: ['statement.pdf'],
  contact: { firstName: 'Jane', title: 'Buyer' },
  account: { name: 'Globex', industry: 'Retail', openOpportunities: 1 },
  ...overrides,
});

const plainRegex: PatternTest = (pattern, text) => new RegExp(pattern, 'iu').test(text);
const verdict = (condition: RoutingCondition, over: Partial<RoutingFacts> = {}, test = plainRegex) =>
  conditionVerdict(condition, facts(over), test);

describe('routing conditions', () => {
  it('match the sender by address and by domain, subdomains included', () => {
    expect(verdict({ on: 'sender', test: 'is', value: 'jane.doe@EU.globex.example' })).toBe('holds');
    expect(verdict({ on: 'sender', test: 'is', value: 'jane@globex.example' })).toBe('fails');
    expect(verdict({ on: 'sender', test: 'contains', value: 'doe@' })).toBe('holds');
    expect(verdict({ on: 'sender_domain', value: ['globex.example'] })).toBe('holds');
    expect(verdict({ on: 'sender_domain', value: ['lobex.example'] })).toBe('fails');
    expect(verdict({ on: 'sender_domain', value: ['initech.example'], negate: true })).toBe('holds');
  });

  it('find words as whole words and patterns in the subject and body', () => {
    expect(verdict({ on: 'subject', test: 'contains', value: 'INVOICE' })).toBe('holds');
    expect(verdict({ on: 'subject', test: 'contains', value: 'voice' })).toBe('fails');
    expect(verdict({ on: 'body', test: 'contains', value: 'refund did' })).toBe('holds');
    expect(verdict({ on: 'subject', test: 'matches', value: 'invoice \\d{4}' })).toBe('holds');
    expect(verdict({ on: 'body', test: 'matches', value: '^regards' })).toBe('fails');
  });

  it('look at headers and attachments', () => {
    expect(verdict({ on: 'header', name: 'X-Priority', test: 'present' })).toBe('holds');
    expect(verdict({ on: 'header', name: 'X-Priority', test: 'matches', value: '^1\\b' })).toBe('holds');
    expect(verdict({ on: 'header', name: 'List-Id', test: 'present' })).toBe('fails');
    expect(verdict({ on: 'attachment', test: 'any' })).toBe('holds');
    expect(verdict({ on: 'attachment', test: 'any' }, { attachmentNames: [] })).toBe('fails');
    expect(verdict({ on: 'attachment', test: 'name_matches', value: '\\.pdf$' })).toBe('holds');
    expect(verdict({ on: 'attachment', test: 'name_matches', value: '\\.xlsx$' })).toBe('fails');
  });

  it("look at the sender's account and contact, and fail when the CRM does not know them", () => {
    expect(verdict({ on: 'account', test: 'has_open_opportunity' })).toBe('holds');
    expect(verdict({ on: 'account', test: 'has_open_opportunity' }, { account: null })).toBe('fails');
    expect(verdict({ on: 'account', test: 'known', negate: true }, { account: null })).toBe('holds');
    const retail: RoutingCondition = {
      on: 'account_field',
      condition: { field: 'industry', operator: 'equals', value: 'retail' },
    };
    expect(verdict(retail)).toBe('holds');
    expect(verdict(retail, { account: null })).toBe('fails');
    const buyer: RoutingCondition = {
      on: 'contact_field',
      condition: { field: 'title', operator: 'equals', value: 'Buyer' },
    };
    expect(verdict(buyer)).toBe('holds');
  });

  it('when a pattern runs out of time, then it neither holds nor holds negated', () => {
    const slow: PatternTest = () => 'timed_out';
    expect(verdict({ on: 'subject', test: 'matches', value: '(a+)+$' }, {}, slow)).toBe('timed_out');
    expect(verdict({ on: 'subject', test: 'matches', value: '(a+)+$', negate: true }, {}, slow)).toBe(
      'timed_out',
    );
  });
});

const rule = (
  name: string,
  conditions: RoutingCondition[],
  actions: RoutingRule['actions'],
): RoutingRule => ({
  name,
  enabled: true,
  conditions,
  actions,
});

describe('routing a message', () => {
  const rules = [
    rule('Billing', [{ on: 'subject', test: 'contains', value: 'refund' }], { priority: 'high' }),
    rule('Globex', [{ on: 'sender_domain', value: ['globex.example'] }], {
      category: 'Key account',
      assign: { strategy: 'round_robin' },
    }),
    rule('Everything', [], { priority: 'low' }),
  ];

  it('the first rule that matches decides, and later rules are not reached', () => {
    const { matchedRule, verdicts } = routeMessage(rules, facts(), plainRegex);
    expect(matchedRule).toBe(1);
    expect(verdicts.map((each) => each.conditions)).toEqual([['fails'], ['holds'], []]);
    expect(verdicts[2]!.matched).toBe(false);
  });

  it('a switched-off rule is passed over, and a rule without conditions takes every message', () => {
    const off = rules.map((each, index) => (index === 1 ? { ...each, enabled: false } : each));
    expect(routeMessage(off, facts(), plainRegex).matchedRule).toBe(2);
  });

  it("a case takes the rule's actions over the mailbox's, and the mailbox's where the rule is silent", () => {
    const mailbox = { teamId: 'team-1', acknowledge: true };
    expect(routedCase(mailbox, rules[1]!)).toEqual({
      teamId: 'team-1',
      priority: 'normal',
      category: 'Key account',
      assign: { strategy: 'round_robin' },
      acknowledge: true,
    });
    expect(routedCase(mailbox, rule('No queue', [], { teamId: null, acknowledge: false }))).toMatchObject({
      teamId: null,
      acknowledge: false,
    });
    expect(routedCase(mailbox, null).assign).toEqual({ strategy: 'nobody' });
  });
});

describe('words, patterns and templates', () => {
  it('phrases match whole words in any script, without regard to case', () => {
    expect(containsWords('Die Straße ist gesperrt', 'straße')).toBe(true);
    expect(containsWords('order #123!', '#123')).toBe(true);
    expect(containsWords('reorder', 'order')).toBe(false);
  });

  it('a pattern that cannot be read is refused with the reason', () => {
    expect(patternProblem('invoice (\\d+')).toMatch(/Unterminated group/);
    expect(patternProblem('invoice (\\d+)')).toBeNull();
  });

  it('placeholders are filled, and unknown ones are named', () => {
    expect(fillTemplate('[#{{number}}] {{ subject }}', { number: '42', subject: 'Help' })).toBe('[#42] Help');
    expect(unknownPlaceholders('Hi {{name}}, {{ticket}} {{ticket}}', ['name'])).toEqual(['ticket']);
  });
});
