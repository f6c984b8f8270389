import type { Case, RoutingRule, SupportRouting } from '@inbox-crm/shared';
import { dovecotMissing } from '@inbox-crm/server/testing';
import type { Client } from '../support/http.js';
import { casesOnceThereAre, mailboxTest, rawMessage, readSupportMailbox } from '../support/service-desk.js';
import { describe, expect, test } from '../support/suite.js';

// Readers take every enabled mailbox in their database: a database of this file's own.
test.override('appOptions', { isolated: true });

const missing = dovecotMissing();

const it = mailboxTest('routing', 6);

async function routeWith(admin: Client, mailboxId: string, rules: RoutingRule[]): Promise<void> {
  const current = (await admin.get(`/api/v1/support-mailboxes/${mailboxId}/routing`)).body as SupportRouting;
  const reply = await admin.put(`/api/v1/support-mailboxes/${mailboxId}/routing`, {
    version: current.version,
    rules,
    acknowledgement: current.acknowledgement,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

/** The cases opened so far, by subject, once there are `count` of them. */
async function casesBySubject(admin: Client, count: number): Promise<Map<string, Case>> {
  return new Map((await casesOnceThereAre(admin, count)).map((item) => [item.subject, item]));
}

const rule = (name: string, conditions: RoutingRule['conditions'], actions: RoutingRule['actions']) => ({
  name,
  enabled: true,
  conditions,
  actions,
});

/** A message with a file attached, as a mail client sends it. */
function withAttachment(subject: string, fileName: string): string {
  return [
    'From: Lee Ops <lee@umbrella.example>',
    'To: support@ourco.example',
    `Subject: ${subject}`,
    `Message-ID: <${crypto.randomUUID()}@umbrella.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The log is attached.',
    '--b1',
    `Content-Type: text/plain; name="${fileName}"`,
    `Content-Disposition: attachment; filename="${fileName}"`,
    '',
    'ERROR 42 at boot',
    '--b1--',
    '',
  ].join('\r\n');
}

describe.skipIf(missing !== null)(`routing support mail${missing ? ` (${missing})` : ''}`, () => {
  it('when rules look at the sender, the subject, the body, a header or an attachment, then the first rule that matches sets the queue, priority, category and assignee', async ({
    testApp,
    org,
    dovecot,
    imapUser,
  }) => {
    const billing = (await org.admin.post('/api/v1/teams', { name: 'Billing' })).body as { id: string };
    const { user: biller } = await org.addUser('member', { name: 'Bea Biller', teamId: billing.id });
    const mailbox = await readSupportMailbox(testApp, org.admin, dovecot, imapUser);
    await routeWith(org.admin, mailbox.id, [
      rule('Invoices', [{ on: 'subject', test: 'matches', value: 'invoice\\s+#?\\d{4,}' }], {
        teamId: billing.id,
        priority: 'high',
        category: 'Billing',
        assign: { strategy: 'person', userId: biller.id },
      }),
      rule('Outages', [{ on: 'body', test: 'contains', value: 'site is down' }], { priority: 'urgent' }),
      rule(
        'Marked urgent by the sender',
        [{ on: 'header', name: 'X-Priority', test: 'matches', value: '^1' }],
        {
          category: 'Flagged',
        },
      ),
      rule('Logs', [{ on: 'attachment', test: 'name_matches', value: '\\.log$' }], { category: 'Logs' }),
      rule(
        'Initech, but not its robots',
        [
          { on: 'sender_domain', value: ['initech.example'] },
          { on: 'sender', test: 'contains', value: 'robot', negate: true },
        ],
        { category: 'Initech' },
      ),
      rule('The CEO', [{ on: 'sender', test: 'is', value: 'ceo@globex.example' }], { priority: 'urgent' }),
    ]);

    const messages = [
      rawMessage({ subject: 'Invoice #20931 is wrong', body: 'Also the site is down.' }),
      rawMessage({ subject: 'Help', body: 'Our site is down since noon.' }),
      rawMessage({ subject: 'Voice invoices', body: 'Not an invoice number.' }),
      rawMessage({ subject: 'Please look', headers: { 'X-Priority': '1 (Highest)' } }),
      withAttachment('Crash at boot', 'boot.log'),
      withAttachment('A screenshot', 'screen.png'),
      rawMessage({ subject: 'From Peter', from: 'Peter <peter@eu.initech.example>' }),
      rawMessage({ subject: 'From the robot', from: 'robot@initech.example' }),
      rawMessage({ subject: 'From the CEO', from: 'CEO@Globex.example' }),
    ];
    for (const message of messages) await dovecot.append(imapUser, message);
    const cases = await casesBySubject(org.admin, messages.length);

    expect(cases.get('Invoice #20931 is wrong')).toMatchObject({
      teamId: billing.id,
      priority: 'high',
      category: 'Billing',
      ownerId: biller.id,
    });
    expect(cases.get('Help')).toMatchObject({ priority: 'urgent', category: null, ownerId: null });
    expect(cases.get('Voice invoices')).toMatchObject({ priority: 'normal', category: null });
    expect(cases.get('Please look')).toMatchObject({ category: 'Flagged' });
    expect(cases.get('Crash at boot')).toMatchObject({ category: 'Logs' });
    expect(cases.get('A screenshot')).toMatchObject({ category: null });
    expect(cases.get('From Peter')).toMatchObject({ category: 'Initech' });
    expect(cases.get('From the robot')).toMatchObject({ category: null });
    expect(cases.get('From the CEO')).toMatchObject({ priority: 'urgent' });
  });

  it("when rules look at the sender's account and contact, then they route by what the CRM knows of them", async ({
    testApp,
    org,
    dovecot,
    imapUser,
  }) => {
    const buyer = (await org.admin.post('/api/v1/accounts', { name: 'Buyer Co', domains: ['buyer.example'] }))
      .body as {
      id: string;
    };
    const deal = await org.admin.post('/api/v1/opportunities', { name: 'Renewal', accountId: buyer.id });
    expect(deal.status).toBe(201);
    const retail = await org.admin.post('/api/v1/accounts', {
      name: 'Shop Co',
      domains: ['shop.example'],
      industry: 'Retail',
    });
    expect(retail.status).toBe(201);
    const contact = await org.admin.post('/api/v1/contacts', {
      firstName: 'Carla',
      lastName: 'Chief',
      title: 'CFO',
      emails: ['carla@elsewhere.example'],
    });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    const mailbox = await readSupportMailbox(testApp, org.admin, dovecot, imapUser);
    await routeWith(org.admin, mailbox.id, [
      rule('Open deal', [{ on: 'account', test: 'has_open_opportunity' }], { priority: 'high' }),
      rule(
        'Retail',
        [{ on: 'account_field', condition: { field: 'industry', operator: 'equals', value: 'retail' } }],
        {
          category: 'Retail',
        },
      ),
      rule(
        'Finance people',
        [{ on: 'contact_field', condition: { field: 'title', operator: 'equals', value: 'CFO' } }],
        {
          category: 'Finance',
        },
      ),
      rule('Strangers', [{ on: 'account', test: 'known', negate: true }], { priority: 'low' }),
    ]);
    for (const [from, subject] of [
      ['bob@buyer.example', 'From the buyer'],
      ['sam@shop.example', 'From the shop'],
      ['carla@elsewhere.example', 'From the CFO'],
      ['someone@gmail.com', 'From a stranger'],
    ]) {
      await dovecot.append(imapUser, rawMessage({ from: from!, subject: subject! }));
    }
    const cases = await casesBySubject(org.admin, 4);
    expect(cases.get('From the buyer')).toMatchObject({ priority: 'high', accountId: buyer.id });
    expect(cases.get('From the shop')).toMatchObject({ priority: 'normal', category: 'Retail' });
    expect(cases.get('From the CFO')).toMatchObject({ category: 'Finance' });
    expect(cases.get('From a stranger')).toMatchObject({ priority: 'low', accountId: null });
  });

  it('when a queue takes turns, then its active members get new cases in turn; when it picks the least busy, then the member with the fewest open cases gets each', async ({
    testApp,
    org,
    dovecot,
    imapUser,
  }) => {
    const support = (await org.admin.post('/api/v1/teams', { name: 'Support' })).body as { id: string };
    const members = [];
    for (const name of ['Ann', 'Ben', 'Cai', 'Dee']) {
      members.push((await org.addUser('member', { name, teamId: support.id })).user);
    }
    const [ann, ben, cai, dee] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    // Dee has left: she is never given a case.
    expect(
      (await org.admin.patch(`/api/v1/users/${dee.id}`, { version: dee.version, active: false })).status,
    ).toBe(200);
    const mailbox = await readSupportMailbox(testApp, org.admin, dovecot, imapUser, {
      settings: { teamId: support.id },
    });
    await routeWith(org.admin, mailbox.id, [
      rule('Busy check', [{ on: 'subject', test: 'contains', value: 'least' }], {
        assign: { strategy: 'least_busy' },
      }),
      rule('Everyone else', [], { assign: { strategy: 'round_robin' } }),
    ]);
    for (const index of [1, 2, 3, 4, 5, 6]) {
      await dovecot.append(imapUser, rawMessage({ subject: `Turn ${index}` }));
    }
    const turns = await casesBySubject(org.admin, 6);
    // Four conversations are taken in at once, so which message is whose turn varies; the turns do not.
    const owners = [...turns.values()].map((item) => item.ownerId);
    expect(owners.sort()).toEqual([ann.id, ann.id, ben.id, ben.id, cai.id, cai.id].sort());

    // Ann and Ben close theirs; Ben takes on one more by hand; Cai keeps both of hers open.
    for (const item of turns.values()) {
      if (item.ownerId !== cai.id) {
        await org.admin.patch(`/api/v1/cases/${item.id}`, { version: item.version, status: 'closed' });
      }
    }
    await org.admin.post('/api/v1/cases', { subject: 'Ben is busy', ownerId: ben.id });
    for (const index of [1, 2, 3]) {
      await dovecot.append(imapUser, rawMessage({ subject: `The least busy ${index}` }));
    }
    const all = await casesBySubject(org.admin, 10);
    const leastBusy = [1, 2, 3].map((index) => all.get(`The least busy ${index}`)!.ownerId);
    // Open cases: Ann 0, Ben 1, Cai 2. Ann takes one, then Ann and Ben one each: Cai none.
    expect(leastBusy.sort()).toEqual([ann.id, ann.id, ben.id].sort());
  });
});
