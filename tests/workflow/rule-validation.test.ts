import { describe, expect, it } from '../support/suite.js';

// Saving rules runs no worker, so these tests share the run's database like the API suites.

describe('rules that cannot work are refused with a reason', () => {
  const base = {
    name: 'A rule',
    recordType: 'opportunity',
    trigger: { type: 'record_created' },
    actions: [
      {
        type: 'create_task',
        title: 'Do it',
        assignTo: { type: 'owner' },
        dueIn: { amount: 1, unit: 'days' },
      },
    ],
  };

  it.for<[string, object, string]>([
    [
      'a field the record does not have',
      { trigger: { type: 'field_changed', field: 'colour' } },
      '/trigger/field',
    ],
    [
      'a stage that does not exist',
      { trigger: { type: 'field_changed', field: 'stage', to: 'Contract snet' } },
      '/trigger/to',
    ],
    ['a trigger the record cannot fire', { trigger: { type: 'task_overdue' } }, '/trigger/type'],
    [
      "a value outside the field's choices",
      { recordType: 'case', conditions: [{ field: 'priority', operator: 'equals', value: 'critical' }] },
      '/conditions/0/value',
    ],
    [
      'an operator the field cannot take',
      { conditions: [{ field: 'name', operator: 'greater_than', value: 'M' }] },
      '/conditions/0/operator',
    ],
    [
      'a comparison without a value',
      { conditions: [{ field: 'probability', operator: 'equals' }] },
      '/conditions/0/value',
    ],
    [
      'a user who does not exist',
      {
        actions: [
          {
            type: 'create_task',
            title: 'x',
            assignTo: { type: 'user', userId: '0190a0a0-0000-7000-8000-000000000000' },
            dueIn: { amount: 1, unit: 'days' },
          },
        ],
      },
      '/actions/0/assignTo/userId',
    ],
    [
      'a webhook that does not exist',
      { actions: [{ type: 'call_webhook', webhookId: '0190a0a0-0000-7000-8000-000000000000' }] },
      '/actions/0/webhookId',
    ],
    [
      'an email reminder on a server without SMTP',
      {
        actions: [
          {
            type: 'send_reminder',
            to: { type: 'owner' },
            after: { amount: 1, unit: 'days' },
            message: 'x',
            email: true,
          },
        ],
      },
      '/actions/0/email',
    ],
  ])('refuses %s', async ([_what, change, path], { org }) => {
    const reply = await org.admin.post('/api/v1/workflow-rules', { ...base, ...change });
    expect(reply.status, JSON.stringify(reply.body)).toBe(422);
    expect(reply.body).toMatchObject({
      error: 'invalid_rule',
      message: expect.any(String),
      details: [{ path }],
    });
    expect((await org.admin.get('/api/v1/workflow-rules')).body.items).toEqual([]);
  });

  it('refuses a plan for another kind of record, and a rule with no action', async ({ org }) => {
    const plan = await org.admin.post('/api/v1/engagement-plans', {
      name: 'Contacts only',
      recordType: 'contact',
      steps: [{ day: 0, type: 'call', title: 'Call' }],
    });
    const wrong = await org.admin.post('/api/v1/workflow-rules', {
      ...base,
      actions: [{ type: 'start_plan', planId: plan.body.id }],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toContain('Contacts only');
    const empty = await org.admin.post('/api/v1/workflow-rules', { ...base, actions: [] });
    expect(empty.status).toBe(400);
  });

  it('lets only admins see or change rules', async ({ manager, rep }) => {
    expect((await rep.client.get('/api/v1/workflow-rules')).status).toBe(403);
    expect((await manager.client.post('/api/v1/workflow-rules', base)).status).toBe(403);
    expect(
      (await rep.client.post('/api/v1/webhooks', { name: 'x', url: 'https://hooks.example.com/in' })).status,
    ).toBe(403);
    expect((await rep.client.get('/api/v1/deliveries')).status).toBe(403);
  });
});
