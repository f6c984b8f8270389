import type { RoutingTrialResult, SupportMailbox, SupportRouting } from '@inbox-crm/shared';
import type { Client } from '../support/http.js';
import { createTestOrganisation } from '../support/organisation.js';
import { rawMessage } from '../support/service-desk.js';
import { describe, expect, it } from '../support/suite.js';

// The suite's server has no SMTP of its own (SMTP_URL): acknowledgements need a mailbox's outgoing server.

async function newMailbox(admin: Client, settings: Record<string, unknown> = {}): Promise<SupportMailbox> {
  const reply = await admin.post('/api/v1/support-mailboxes', {
    name: 'Help desk',
    address: `help-${crypto.randomUUID()}@ourco.example`,
    host: '127.0.0.1',
    port: 993,
    security: 'tls',
    username: 'help@ourco.example',
    authMethod: 'password',
    secret: 'a-password',
    ...settings,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as SupportMailbox;
}

const routingOf = async (admin: Client, id: string) =>
  (await admin.get(`/api/v1/support-mailboxes/${id}/routing`)).body as SupportRouting;

const condition = (overrides: Record<string, unknown>) => ({
  name: 'A rule',
  enabled: true,
  conditions: [overrides],
  actions: {},
});

describe('routing settings', () => {
  it('when an admin saves rules with a pattern, a field, a queue or a placeholder that cannot work, then the answer names it and nothing changes', async ({
    org,
  }) => {
    const mailbox = await newMailbox(org.admin);
    const before = await routingOf(org.admin, mailbox.id);
    expect(before).toMatchObject({
      rules: [],
      version: 1,
      acknowledgement: { enabled: false, maxPerHour: 3 },
    });
    expect(before.acknowledgement.subject).toContain('{{number}}');
    const save = (body: Record<string, unknown>) =>
      org.admin.put(`/api/v1/support-mailboxes/${mailbox.id}/routing`, {
        version: 1,
        rules: [],
        acknowledgement: before.acknowledgement,
        ...body,
      });
    const refusals: [Record<string, unknown>, RegExp, string][] = [
      [
        { rules: [condition({ on: 'subject', test: 'matches', value: 'invoice (\\d+' })] },
        /pattern cannot be read/,
        '/rules/0/conditions/0/value',
      ],
      [
        { rules: [condition({ on: 'header', name: 'X-Priority', test: 'contains' })] },
        /what to look for/,
        '/rules/0/conditions/0/value',
      ],
      [
        {
          rules: [
            condition({
              on: 'account_field',
              condition: { field: 'shoeSize', operator: 'equals', value: 9 },
            }),
          ],
        },
        /no field shoeSize/,
        '/rules/0/conditions/0/condition/field',
      ],
      [
        {
          rules: [
            {
              name: 'Turns',
              enabled: true,
              conditions: [],
              actions: { assign: { strategy: 'round_robin' } },
            },
          ],
        },
        /choose a queue/,
        '/rules/0/actions/assign',
      ],
      [
        {
          rules: [
            {
              name: 'Q',
              enabled: true,
              conditions: [],
              actions: { teamId: '00000000-0000-4000-8000-000000000000' },
            },
          ],
        },
        /not a team/,
        '/rules/0/actions/teamId',
      ],
      [
        { acknowledgement: { ...before.acknowledgement, body: 'Your ticket {{ticket}}' } },
        /\{\{ticket\}\} is not a placeholder/,
        '/acknowledgement/body',
      ],
      [
        { acknowledgement: { ...before.acknowledgement, enabled: true } },
        /need a way to send mail/,
        '/acknowledgement/enabled',
      ],
    ];
    for (const [body, message, path] of refusals) {
      const reply = await save(body);
      expect(reply.status, JSON.stringify(body)).toBe(422);
      expect(reply.body).toMatchObject({ error: 'invalid_rule', details: [{ path }] });
      expect(reply.body.message).toMatch(message);
    }
    const malformed = await save({ rules: [condition({ on: 'subject', test: 'sounds_like', value: 'x' })] });
    expect(malformed.status).toBe(400);
    expect(await routingOf(org.admin, mailbox.id)).toEqual(before);

    const stale = await save({ version: 7 });
    expect(stale.status).toBe(409);
  });

  it('when an admin gives the mailbox an outgoing server, then acknowledgements may be switched on, and changing that server needs the password again', async ({
    org,
  }) => {
    const mailbox = await newMailbox(org.admin, {
      outgoing: { host: 'smtp.ourco.example', port: 465, security: 'tls' },
    });
    expect(mailbox.outgoing).toEqual({ host: 'smtp.ourco.example', port: 465, security: 'tls' });
    const { acknowledgement } = await routingOf(org.admin, mailbox.id);
    const saved = await org.admin.put(`/api/v1/support-mailboxes/${mailbox.id}/routing`, {
      version: 1,
      rules: [],
      acknowledgement: { ...acknowledgement, enabled: true },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, acknowledgement: { enabled: true } });
    // Routing has its own version: the mailbox's settings (and its connection) are untouched.
    expect((await org.admin.get(`/api/v1/support-mailboxes/${mailbox.id}`)).body.version).toBe(1);

    const moved = await org.admin.patch(`/api/v1/support-mailboxes/${mailbox.id}`, {
      version: 1,
      outgoing: { host: 'smtp.attacker.example', port: 465, security: 'tls' },
    });
    expect(moved.status).toBe(400);
    expect(moved.body.details).toEqual([expect.objectContaining({ path: '/secret' })]);
  });

  it('when an admin tries rules on a pasted message, then they see which rule decides, each condition, and what the case would get, and nothing is written', async ({
    testApp,
    org,
    rep,
  }) => {
    const support = (await org.admin.post('/api/v1/teams', { name: 'Support' })).body as { id: string };
    const account = await org.admin.post('/api/v1/accounts', { name: 'Acme', domains: ['acme.example'] });
    const mailbox = await newMailbox(org.admin, {
      teamId: support.id,
      outgoing: { host: 'smtp.ourco.example', port: 465, security: 'tls' },
    });
    const rules = [
      {
        name: 'Refunds',
        enabled: true,
        conditions: [{ on: 'subject', test: 'contains', value: 'refund' }],
        actions: {},
      },
      {
        name: 'Acme on fire',
        enabled: true,
        conditions: [
          { on: 'sender_domain', value: ['acme.example'] },
          { on: 'body', test: 'matches', value: 'smoke|fire' },
        ],
        actions: { priority: 'urgent', category: 'Hardware', acknowledge: true },
      },
      { name: 'Everything', enabled: true, conditions: [], actions: {} },
    ];
    const casesBefore = await testApp.database
      .knex('cases')
      .where({ org_id: org.orgId })
      .count('* as n')
      .first();
    const trial = await org.admin.post(`/api/v1/support-mailboxes/${mailbox.id}/routing/trial`, {
      message: rawMessage({ from: 'Jane <jane@acme.example>', subject: 'The printer' }),
      rules,
    });
    expect(trial.status, JSON.stringify(trial.body)).toBe(200);
    const result = trial.body as RoutingTrialResult;
    expect(result).toMatchObject({
      sender: { email: 'jane@acme.example', contact: null, account: { id: account.body.id, name: 'Acme' } },
      subject: 'The printer',
      matchedRule: 1,
      rules: [
        { name: 'Refunds', matched: false, conditions: ['fails'] },
        { name: 'Acme on fire', matched: true, conditions: ['holds', 'holds'] },
        { name: 'Everything', matched: false, conditions: [] },
      ],
      outcome: {
        teamId: support.id,
        priority: 'urgent',
        category: 'Hardware',
        assign: { strategy: 'nobody' },
        acknowledge: true,
        acknowledgementRefused: null,
      },
    });

    const bulk = await org.admin.post(`/api/v1/support-mailboxes/${mailbox.id}/routing/trial`, {
      message: rawMessage({ from: 'jane@acme.example', headers: { Precedence: 'bulk' } }),
      rules,
    });
    expect(bulk.body.outcome.acknowledgementRefused).toMatch(/bulk or list mail/);

    // A pattern that would backtrack for hours stops at its time limit and counts as not holding.
    const runaway = await org.admin.post(`/api/v1/support-mailboxes/${mailbox.id}/routing/trial`, {
      message: rawMessage({ subject: `${'a'.repeat(40)}!` }),
      rules: [
        {
          name: 'Runaway',
          enabled: true,
          conditions: [{ on: 'subject', test: 'matches', value: '^(a+)+$' }],
          actions: {},
        },
      ],
    });
    expect(runaway.status).toBe(200);
    expect(runaway.body).toMatchObject({ matchedRule: null, rules: [{ conditions: ['timed_out'] }] });

    const unreadable = await org.admin.post(`/api/v1/support-mailboxes/${mailbox.id}/routing/trial`, {
      message: 'Subject: no sender\r\n\r\nHello',
    });
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.message).toMatch(/no sender address/);

    const casesAfter = await testApp.database
      .knex('cases')
      .where({ org_id: org.orgId })
      .count('* as n')
      .first();
    expect(casesAfter).toEqual(casesBefore);
    const contacts = await testApp.database.knex('contacts').where({ org_id: org.orgId });
    expect(contacts).toHaveLength(0);

    expect(
      (await rep.client.post(`/api/v1/support-mailboxes/${mailbox.id}/routing/trial`, { message: 'x' }))
        .status,
    ).toBe(403);
    const other = await createTestOrganisation(testApp);
    expect((await other.admin.get(`/api/v1/support-mailboxes/${mailbox.id}/routing`)).status).toBe(404);
  });
});
