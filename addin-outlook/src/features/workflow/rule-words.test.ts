import { describe, expect, it } from 'vitest';
import type { WorkflowRule } from '@inbox-crm/shared/client';
import { ruleWords, type RuleNames } from './rule-words.js';

const names: RuleNames = { user: () => 'Maria', webhook: () => 'Deal desk', plan: () => 'Welcome' };

const rule = (part: Partial<WorkflowRule>): WorkflowRule => ({
  id: 'r',
  name: 'n',
  enabled: true,
  recordType: 'opportunity',
  trigger: { type: 'record_created' },
  conditions: [],
  actions: [],
  version: 1,
  createdAt: '',
  updatedAt: '',
  ...part,
});

describe('a rule in words', () => {
  it('says the trigger, the conditions and each action', () => {
    expect(
      ruleWords(
        rule({
          trigger: { type: 'field_changed', field: 'stage', to: 'Contract sent' },
          conditions: [{ field: 'amountMinor', operator: 'greater_than', value: 100000 }],
          actions: [
            {
              type: 'send_reminder',
              to: { type: 'owner_manager' },
              after: { amount: 3, unit: 'days' },
              message: 'Chase the signature',
              email: true,
            },
            { type: 'call_webhook', webhookId: 'w' },
          ],
        }),
        names,
      ),
    ).toBe(
      "When an opportunity's stage changes to Contract sent and amountMinor is more than 100000: remind the owner's manager after 3 days (in the app, by email): “Chase the signature”; then call the webhook Deal desk.",
    );
  });

  it('says a task for a named user, due in one hour, and an empty-field condition', () => {
    expect(
      ruleWords(
        rule({
          recordType: 'case',
          conditions: [{ field: 'contactId', operator: 'is_not_set' }],
          actions: [
            {
              type: 'create_task',
              title: 'Find the caller',
              assignTo: { type: 'user', userId: 'u' },
              dueIn: { amount: 1, unit: 'hours' },
            },
          ],
        }),
        names,
      ),
    ).toBe(
      'When a case is created and contactId is empty: create the task “Find the caller” for Maria, due in 1 hour.',
    );
  });
});
