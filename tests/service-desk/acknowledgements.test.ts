import type { Email, SupportRouting } from '@inbox-crm/shared';
import { dovecotMissing } from '@inbox-crm/server/testing';
import type { ParsedMail } from 'mailparser';
import { uniqueMessageId } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import {
  casesOnceThereAre,
  mailboxTest,
  rawMessage,
  readSupportMailbox,
  sendOutbox,
} from '../support/service-desk.js';
import type { SmtpSink } from '../support/smtp-sink.js';
import { describe, expect, test } from '../support/suite.js';

// A worker sends the outbox: a database of this file's own, with the suite's SMTP server as the
// CRM server's own (SMTP_URL).
test.override('appOptions', { isolated: true, emailEnabled: true });
test.override('workerOptions', ({ smtp }) => ({ smtpUrl: smtp.url }));

const missing = dovecotMissing();

const it = mailboxTest('ack', 4);

const POLL = { timeout: 10_000, interval: 100 };

async function acknowledgeNewCases(admin: Client, mailboxId: string, rules: unknown[] = []): Promise<void> {
  const current = (await admin.get(`/api/v1/support-mailboxes/${mailboxId}/routing`)).body as SupportRouting;
  const reply = await admin.put(`/api/v1/support-mailboxes/${mailboxId}/routing`, {
    version: current.version,
    rules,
    acknowledgement: { ...current.acknowledgement, enabled: true },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

const sentTo = (smtp: SmtpSink, address: string): ParsedMail[] =>
  smtp.messages.filter(
    (message) => message.to && !Array.isArray(message.to) && message.to.text.includes(address),
  );

const header = (message: ParsedMail, name: string) => message.headers.get(name);

describe.skipIf(missing !== null)(`acknowledgements${missing ? ` (${missing})` : ''}`, () => {
  it('when a customer opens a case, then they are answered once for the support address with the case number, marked as an automatic reply and threaded to their message; the answer is filed to the case, and a reply to it joins the case', async ({
    testApp,
    org,
    dovecot,
    imapUser,
    scheduler,
    smtp,
  }) => {
    const mailbox = await readSupportMailbox(testApp, org.admin, dovecot, imapUser, {
      settings: { name: 'Ourco Support' },
    });
    await acknowledgeNewCases(org.admin, mailbox.id);
    const messageId = uniqueMessageId();
    await dovecot.append(
      imapUser,
      rawMessage({ messageId, from: 'Jane Doe <jane@northwind.example>', subject: 'The printer is on fire' }),
    );
    const [opened] = await casesOnceThereAre(org.admin, 1);
    await sendOutbox(scheduler);
    const [answer, ...more] = sentTo(smtp, 'jane@northwind.example');
    expect(more).toEqual([]);
    expect(answer!.subject).toBe(`[#${opened!.number}] The printer is on fire`);
    // Through the server's own SMTP: from its address, on the support address's behalf.
    expect(answer!.from!.value).toEqual([{ address: 'crm@localhost', name: 'Ourco Support' }]);
    expect(answer!.replyTo!.value).toEqual([{ address: imapUser.user, name: '' }]);
    expect(answer!.text).toContain(`Hello Jane,`);
    expect(answer!.text).toContain(`case #${opened!.number}`);
    expect(answer!.inReplyTo).toBe(messageId);
    expect(header(answer!, 'auto-submitted')).toBe('auto-replied');

    const filed = (
      await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(answer!.messageId!)}`)
    ).body as Email;
    expect(filed.links).toContainEqual(expect.objectContaining({ type: 'case', id: opened!.id }));
    expect(filed.from.email).toBe(imapUser.user);

    // The customer answers the acknowledgement: only its id ties the reply to the case.
    await dovecot.append(
      imapUser,
      rawMessage({
        from: 'jane@northwind.example',
        subject: `Re: ${answer!.subject}`,
        inReplyTo: answer!.messageId!,
      }),
    );
    await expect
      .poll(async () => {
        const timeline = await testApp.database
          .knex('activity_links')
          .where({ org_id: org.orgId, record_type: 'case', record_id: opened!.id });
        return timeline.length;
      }, POLL)
      .toBe(3);
    expect(await casesOnceThereAre(org.admin, 1)).toHaveLength(1);
    await sendOutbox(scheduler);
    expect(sentTo(smtp, 'jane@northwind.example')).toHaveLength(1);
  });

  it('when mail comes from a robot, a list, a bounce, a no-reply address or ourselves, or a sender writes too often, then it still becomes a case but is never answered', async ({
    testApp,
    org,
    dovecot,
    imapUser,
    scheduler,
    smtp,
  }) => {
    const mailbox = await readSupportMailbox(testApp, org.admin, dovecot, imapUser);
    await acknowledgeNewCases(org.admin, mailbox.id, [
      {
        name: 'Newsletters are not answered',
        enabled: true,
        conditions: [{ on: 'subject', test: 'contains', value: 'newsletter' }],
        actions: { acknowledge: false },
      },
    ]);
    const guarded = [
      rawMessage({ from: 'robot1@guards.example', headers: { 'Auto-Submitted': 'auto-replied' } }),
      rawMessage({ from: 'robot2@guards.example', headers: { 'Auto-Submitted': 'auto-generated' } }),
      rawMessage({ from: 'bulk@guards.example', headers: { Precedence: 'bulk' } }),
      rawMessage({ from: 'list@guards.example', headers: { Precedence: 'list' } }),
      rawMessage({ from: 'junk@guards.example', headers: { Precedence: 'junk' } }),
      rawMessage({
        from: 'member@guards.example',
        headers: { 'List-Id': 'Announcements <announce.guards.example>' },
      }),
      rawMessage({ from: 'bounced@guards.example', headers: { 'Return-Path': '<>' } }),
      rawMessage({ from: 'MAILER-DAEMON@guards.example' }),
      rawMessage({ from: 'no-reply@guards.example' }),
      rawMessage({ from: imapUser.user }),
      rawMessage({ from: 'reader@guards.example', subject: 'Our newsletter' }),
    ];
    const answered = [
      rawMessage({ from: 'person@guards.example', headers: { 'Auto-Submitted': 'no' } }),
      ...[1, 2, 3, 4, 5].map((index) =>
        rawMessage({ from: 'chatty@guards.example', subject: `Again ${index}` }),
      ),
    ];
    for (const message of [...guarded, ...answered]) await dovecot.append(imapUser, message);
    await casesOnceThereAre(org.admin, guarded.length + answered.length);
    await sendOutbox(scheduler);

    const recipients = smtp.messages
      .filter((message) => (message.to as { text: string } | undefined)?.text.endsWith('@guards.example'))
      .map((message) => (message.to as { text: string }).text);
    // At most three an hour to one sender (the mailbox's setting).
    expect(recipients.sort()).toEqual([
      'chatty@guards.example',
      'chatty@guards.example',
      'chatty@guards.example',
      'person@guards.example',
    ]);
  });

  it("when the mailbox has an outgoing server of its own, then acknowledgements go through it, signed in as the mailbox's user", async ({
    testApp,
    org,
    dovecot,
    imapUser,
    scheduler,
    smtp,
  }) => {
    const port = Number(new URL(smtp.url).port);
    const mailbox = await readSupportMailbox(testApp, org.admin, dovecot, imapUser, {
      settings: { outgoing: { host: '127.0.0.1', port, security: 'none' } },
    });
    await acknowledgeNewCases(org.admin, mailbox.id);
    const logins = smtp.logins.length;
    await dovecot.append(imapUser, rawMessage({ from: 'sam@own-server.example' }));
    await casesOnceThereAre(org.admin, 1);
    await sendOutbox(scheduler);
    const [sent, ...more] = sentTo(smtp, 'sam@own-server.example');
    expect(more).toEqual([]);
    expect(sent!.from!.value).toEqual([{ address: imapUser.user, name: 'Support' }]);
    expect(smtp.logins.slice(logins)).toEqual([imapUser.user]);
  });
});
