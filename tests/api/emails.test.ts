import type { Email } from '@inbox-crm/shared';
import {
  createAccount,
  createContact,
  emailToFile,
  fileEmail,
  uniqueMessageId,
} from '../support/fixtures.js';
import type { TestOrganisation } from '../support/organisation.js';
import { describe, expect, test } from '../support/suite.js';
import type { TestApp } from '../support/test-app.js';

// Every test's organisation knows Globex and Hank Scorpio there.
const it = test
  .extend('account', { auto: true }, ({ org }) =>
    createAccount(org.admin, { name: 'Globex', domains: ['globex.example'] }),
  )
  .extend('contact', { auto: true }, ({ org, account }) =>
    createContact(org.admin, {
      firstName: 'Hank',
      lastName: 'Scorpio',
      accountId: account.id,
      emails: ['hank@globex.example'],
    }),
  );

/** Where a helper files and looks: the test's app, organisation and contact. */
interface Filing {
  testApp: TestApp;
  org: TestOrganisation;
  contact: { id: string };
}

const countEmails = async (testApp: TestApp, org: TestOrganisation, messageKey: string) => {
  const row = (await testApp.database
    .knex('activities')
    .where({ org_id: org.orgId, message_key: messageKey })
    .count('* as n')
    .first()) as { n: string | number };
  return Number(row.n);
};

describe('filing an email', () => {
  it('files a message once: 201 the first time, 200 with the union of links afterwards, from any client', async ({
    testApp,
    org,
    account,
    contact,
  }) => {
    const messageId = uniqueMessageId();
    const first = await fileEmail(
      org.admin,
      emailToFile({ messageId, links: [{ type: 'contact', id: contact.id }] }),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      messageId: messageId.slice(1, -1),
      subject: 'Re: Renewal quote for 2027',
      from: { email: 'jane.doe@acme.example', name: 'Jane Doe' },
      source: 'outlook',
      filedBy: { id: org.adminUser.id },
      attachments: [{ name: 'quote.pdf', contentType: 'application/pdf', size: 48213 }],
    });
    const { client: colleague } = await org.addUser('member');
    const again = await fileEmail(
      colleague,
      emailToFile({
        messageId,
        source: 'gmail',
        links: [
          { type: 'account', id: account.id },
          { type: 'contact', id: contact.id },
        ],
      }),
    );
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.source).toBe('outlook');
    expect(again.body.links.map((link) => `${link.type}:${link.name}`).sort()).toEqual([
      'account:Globex',
      'contact:Hank Scorpio',
    ]);
    expect(await countEmails(testApp, org, messageId.slice(1, -1))).toBe(1);
  });

  it('files the same Message-ID once when twenty requests race', async ({
    testApp,
    org,
    account,
    contact,
  }) => {
    const messageId = uniqueMessageId();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        org.admin.post(
          '/api/v1/emails',
          emailToFile({
            messageId,
            links: [
              index % 2 === 0 ? { type: 'contact', id: contact.id } : { type: 'account', id: account.id },
            ],
          }),
        ),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(19);
    expect(new Set(replies.map((reply) => (reply.body as Email).id)).size).toBe(1);
    expect(await countEmails(testApp, org, messageId.slice(1, -1))).toBe(1);
    const stored = await org.admin.get<Email>(
      `/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`,
    );
    expect(stored.body.links).toHaveLength(2);
  });

  it('derives a stable key when the message has no Message-ID, so a re-filing finds the first', async ({
    org,
    account,
    contact,
  }) => {
    const withoutId = emailToFile({
      messageId: null,
      subject: `No id ${Math.random()}`,
      links: [{ type: 'contact', id: contact.id }],
    });
    const first = await fileEmail(org.admin, withoutId);
    const second = await fileEmail(org.admin, {
      ...withoutId,
      sentAt: '2026-11-20T09:15:00.400Z',
      links: [{ type: 'account', id: account.id }],
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(first.body.messageKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.body.messageId).toBeNull();
  });

  it('sanitizes the HTML body on the way in', async ({ org, contact }) => {
    const { body } = await fileEmail(
      org.admin,
      emailToFile({
        links: [{ type: 'contact', id: contact.id }],
        bodyHtml:
          '<p onclick="steal()">Hi <script>alert(1)</script><a href="javascript:alert(2)">click</a> <a href="https://ok.example">site</a></p><img src="x" onerror="alert(3)"><iframe src="https://evil.example"></iframe><style>body{display:none}</style>',
      }),
    );
    expect(body.bodyHtml).not.toMatch(/script|onclick|onerror|javascript:|iframe|<style/i);
    expect(body.bodyHtml).toContain('href="https://ok.example"');
    expect(body.bodyHtml).toContain('rel="noopener noreferrer nofollow"');
  });

  it('refuses a message with an address or domain on the never-file list, and keeps nothing', async ({
    testApp,
    org,
    contact,
  }) => {
    const settings = await org.admin.get('/api/v1/organisation');
    const updated = await org.admin.patch('/api/v1/organisation', {
      version: settings.body.version,
      neverFile: ['hr.globex.example', 'ceo@globex.example'],
    });
    expect(updated.status).toBe(200);
    const messageId = uniqueMessageId();
    const refused = await org.admin.post(
      '/api/v1/emails',
      emailToFile({
        messageId,
        cc: [{ email: 'Payroll@HR.globex.example' }],
        links: [{ type: 'contact', id: contact.id }],
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      error: 'never_file',
      details: [{ address: 'payroll@hr.globex.example', entry: 'hr.globex.example' }],
    });
    expect(await countEmails(testApp, org, messageId.slice(1, -1))).toBe(0);
    const byAddress = await org.admin.post(
      '/api/v1/emails',
      emailToFile({ from: { email: 'ceo@globex.example' }, links: [{ type: 'contact', id: contact.id }] }),
    );
    expect(byAddress.status).toBe(422);
    const view = await org.admin.get('/api/v1/lookup?email=ceo@globex.example&email=hank@globex.example');
    expect(
      [view.body, ...view.body.others].map((entry: { address: string; neverFile: string | null }) => [
        entry.address,
        entry.neverFile,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['ceo@globex.example', 'ceo@globex.example'],
        ['hank@globex.example', null],
      ]),
    );
    await org.admin.patch('/api/v1/organisation', { version: updated.body.version, neverFile: [] });
  });

  it('unfiles one link, keeps the email, and deletes the email on request', async ({
    org,
    account,
    contact,
  }) => {
    const { body } = await fileEmail(
      org.admin,
      emailToFile({
        links: [
          { type: 'contact', id: contact.id },
          { type: 'account', id: account.id },
        ],
      }),
    );
    const unfiled = await org.admin.delete<Email>(`/api/v1/emails/${body.id}/links/account/${account.id}`);
    expect(unfiled.status, JSON.stringify(unfiled.body)).toBe(200);
    expect(unfiled.body.links.map((link) => link.type)).toEqual(['contact']);
    expect((await org.admin.delete(`/api/v1/emails/${body.id}/links/account/${account.id}`)).status).toBe(
      404,
    );
    expect((await org.admin.delete(`/api/v1/emails/${body.id}`)).status).toBe(204);
    expect((await org.admin.get(`/api/v1/emails/${body.id}`)).status).toBe(404);
    const timeline = await org.admin.get(`/api/v1/contacts/${contact.id}/timeline`);
    expect(timeline.body.items.map((entry: { id: string }) => entry.id)).not.toContain(body.id);
  });

  it('refuses links to records that do not exist, and writes nothing', async ({ testApp, org, contact }) => {
    const messageId = uniqueMessageId();
    const reply = await org.admin.post(
      '/api/v1/emails',
      emailToFile({
        messageId,
        links: [
          { type: 'contact', id: contact.id },
          { type: 'case', id: '01900000-0000-7000-8000-000000000000' },
        ],
      }),
    );
    expect(reply.status).toBe(422);
    expect(reply.body.error).toBe('invalid_reference');
    expect(await countEmails(testApp, org, messageId.slice(1, -1))).toBe(0);
  });

  it('accepts a 20 KB body but refuses an HTML body over its limit with 400, naming it', async ({
    org,
    contact,
  }) => {
    const ok = await org.admin.post(
      '/api/v1/emails',
      emailToFile({ bodyText: 'x'.repeat(20_000), links: [{ type: 'contact', id: contact.id }] }),
    );
    expect(ok.status).toBe(201);
    const huge = await org.admin.post(
      '/api/v1/emails',
      emailToFile({ bodyHtml: 'y'.repeat(9 * 1024 * 1024), links: [{ type: 'contact', id: contact.id }] }),
    );
    expect(huge.status).toBe(400);
    expect(huge.body.error).toBe('validation_failed');
    expect(JSON.stringify(huge.body.details)).toContain('bodyHtml');
  });
});

describe('private emails', () => {
  it('shows a private email to its filer, their team manager and admins, and to no other member', async ({
    org,
    contact,
  }) => {
    const team = await org.admin.post('/api/v1/teams', { name: `Team ${Math.random()}` });
    const { client: filer } = await org.addUser('member', { teamId: team.body.id });
    const { client: sameTeamMember } = await org.addUser('member', { teamId: team.body.id });
    const { client: manager } = await org.addUser('manager', { teamId: team.body.id });
    const { client: otherManager } = await org.addUser('manager');
    const messageId = uniqueMessageId();
    const { body } = await fileEmail(
      filer,
      emailToFile({ messageId, private: true, links: [{ type: 'contact', id: contact.id }] }),
    );
    const canSee = async (client: typeof filer) => {
      const direct = await client.get(`/api/v1/emails/${body.id}`);
      const timeline = await client.get(`/api/v1/contacts/${contact.id}/timeline?limit=100`);
      const inTimeline = timeline.body.items.some((entry: { id: string }) => entry.id === body.id);
      expect(direct.status === 200).toBe(inTimeline);
      return inTimeline;
    };
    expect(await canSee(filer)).toBe(true);
    expect(await canSee(manager)).toBe(true);
    expect(await canSee(org.admin)).toBe(true);
    expect(await canSee(sameTeamMember)).toBe(false);
    expect(await canSee(otherManager)).toBe(false);
    const lookup = await sameTeamMember.get(
      `/api/v1/lookup?email=hank@globex.example&messageId=${encodeURIComponent(messageId)}`,
    );
    expect(lookup.body.filing.filed).toBe(false);
  });

  const privateEmailOfOwnTeam = async ({ testApp, org, contact }: Filing) => {
    const team = await org.admin.post('/api/v1/teams', { name: `Team ${Math.random()}` });
    const owner = await org.addUser('member', { teamId: team.body.id });
    const manager = await org.addUser('manager', { teamId: team.body.id });
    const messageId = uniqueMessageId();
    const { body: filed } = await fileEmail(
      owner.client,
      emailToFile({
        messageId,
        subject: 'Salary review for Hank',
        bodyText: 'Strictly between us: 12% raise.',
        private: true,
        links: [{ type: 'contact', id: contact.id }],
      }),
    );
    const stored = async () =>
      (await testApp.database
        .knex('activities')
        .where({ org_id: org.orgId, id: filed.id })
        .first('private', 'subject')) as { private: boolean; subject: string };
    const linkCount = async () =>
      Number(
        (
          (await testApp.database
            .knex('activity_links')
            .where({ org_id: org.orgId, activity_id: filed.id })
            .count('* as n')
            .first()) as { n: string | number }
        ).n,
      );
    return { owner, manager, messageId, filed, stored, linkCount };
  };

  it('when a member of another team re-files a private email by its Message-ID with junk content, then they get neither its content nor a public email', async ({
    testApp,
    org,
    account,
    contact,
  }) => {
    const { messageId, filed, stored, linkCount } = await privateEmailOfOwnTeam({ testApp, org, contact });
    const { client: attacker } = await org.addUser('member');
    const links = await linkCount();
    for (const asPrivate of [false, true]) {
      const reply = await attacker.post(
        '/api/v1/emails',
        emailToFile({
          messageId,
          subject: 'junk',
          bodyText: 'junk',
          private: asPrivate,
          links: [{ type: 'account', id: account.id }],
        }),
      );
      expect(reply.status).toBe(409);
      expect(reply.body.error).toBe('filed_privately');
      expect(JSON.stringify(reply.body)).not.toMatch(/Salary|raise/);
    }
    expect(await stored()).toEqual({ private: true, subject: 'Salary review for Hank' });
    expect(await linkCount()).toBe(links);
    expect((await attacker.get(`/api/v1/emails/${filed.id}`)).status).toBe(404);
    const byMessageId = await attacker.get(`/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`);
    expect(byMessageId.status).toBe(404);
  });

  it('when a participant of the message files it without private, then it becomes public; its team manager adds links and it stays private', async ({
    testApp,
    org,
    account,
    contact,
  }) => {
    const { manager, messageId, stored } = await privateEmailOfOwnTeam({ testApp, org, contact });
    const managerFiling = await fileEmail(
      manager.client,
      emailToFile({ messageId, links: [{ type: 'account', id: account.id }] }),
    );
    expect(managerFiling.body.subject).toBe('Salary review for Hank');
    expect(await stored()).toMatchObject({ private: true });

    const participant = await org.addUser('member');
    // Claiming to be on the message proves nothing: the stored message (the owner's) must name them.
    const claimed = await participant.client.post(
      '/api/v1/emails',
      emailToFile({
        messageId,
        cc: [{ email: participant.user.email, name: participant.user.name }],
        links: [{ type: 'contact', id: contact.id }],
      }),
    );
    expect(claimed.status).toBe(409);
    expect(await stored()).toMatchObject({ private: true });

    const { messageId: ccMessageId, stored: ccStored } = await privateEmailWithCc(
      { testApp, org, contact },
      participant.user.email,
    );
    const sharedByCc = await fileEmail(
      participant.client,
      emailToFile({ messageId: ccMessageId, links: [{ type: 'contact', id: contact.id }] }),
    );
    expect(sharedByCc.body.private).toBe(false);
    expect(await ccStored()).toMatchObject({ private: false });
  });

  const privateEmailWithCc = async ({ testApp, org, contact }: Filing, ccAddress: string) => {
    const { client: owner } = await org.addUser('member');
    const messageId = uniqueMessageId();
    const { body } = await fileEmail(
      owner,
      emailToFile({
        messageId,
        private: true,
        cc: [{ email: ccAddress.toUpperCase(), name: 'Colleague' }],
        links: [{ type: 'contact', id: contact.id }],
      }),
    );
    const stored = async () =>
      (await testApp.database
        .knex('activities')
        .where({ org_id: org.orgId, id: body.id })
        .first('private')) as { private: boolean };
    return { messageId, stored };
  };
});
