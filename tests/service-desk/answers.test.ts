import type { Case, Email } from '@inbox-crm/shared';
import { dovecotMissing } from '@inbox-crm/server/testing';
import { uniqueMessageId } from '../support/fixtures.js';
import { createTestOrganisation } from '../support/organisation.js';
import {
  casesOnceThereAre,
  mailboxTest,
  rawMessage,
  readSupportMailbox,
  sendOutbox,
} from '../support/service-desk.js';
import { describe, expect, test } from '../support/suite.js';

// A worker sends the outbox through the suite's SMTP server: a database of this file's own.
test.override('appOptions', { isolated: true, emailEnabled: true });
test.override('workerOptions', ({ smtp }) => ({ smtpUrl: smtp.url }));

const missing = dovecotMissing();

const it = mailboxTest('answers', 3);

const POLL = { timeout: 10_000, interval: 100 };

describe.skipIf(missing !== null)(`answering from the CRM${missing ? ` (${missing})` : ''}`, () => {
  it("when an agent answers a case, then the customer gets it from the support address, threaded to their message; it is filed to the case as the first response, and the customer's reply reopens the case", async ({
    testApp,
    org,
    dovecot,
    imapUser,
    scheduler,
    smtp,
  }) => {
    await readSupportMailbox(testApp, org.admin, dovecot, imapUser, { settings: { name: 'Support' } });
    const customerMessageId = uniqueMessageId();
    await dovecot.append(
      imapUser,
      rawMessage({
        messageId: customerMessageId,
        from: 'Jane Doe <jane@northwind.example>',
        subject: 'The printer is on fire',
      }),
    );
    const opened = (await casesOnceThereAre(org.admin, 1))[0]!;
    expect(opened.firstResponseAt).toBeNull();

    const { client: agent, user } = await org.addUser('member', { name: 'Ravi Rep' });
    const sent = await agent.post(`/api/v1/cases/${opened.id}/answers`, {
      text: 'Hello Jane,\n\nPlease switch it off at the wall. An engineer is on the way.\n\nRavi',
      status: 'pending',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const answer = sent.body as Email;
    expect(answer).toMatchObject({
      subject: `Re: The printer is on fire [#${opened.number}]`,
      from: { email: imapUser.user, name: 'Ravi Rep (Support)' },
      to: [{ email: 'jane@northwind.example' }],
      inReplyTo: customerMessageId.slice(1, -1),
      source: 'mailbox',
    });
    expect(answer.links).toContainEqual(expect.objectContaining({ type: 'case', id: opened.id }));
    expect(answer.filedBy).toEqual({ id: user.id, name: 'Ravi Rep' });
    const afterAnswer = (await org.admin.get(`/api/v1/cases/${opened.id}`)).body as Case;
    expect(afterAnswer.status).toBe('pending');
    expect(afterAnswer.firstResponseAt).not.toBeNull();

    await sendOutbox(scheduler);
    const delivered = smtp.messages.filter((message) => message.messageId === `<${answer.messageId}>`);
    expect(delivered).toHaveLength(1);
    const [mail] = delivered;
    expect(mail!.from!.value).toEqual([{ address: 'crm@localhost', name: 'Ravi Rep (Support)' }]);
    expect(mail!.replyTo!.value).toEqual([{ address: imapUser.user, name: '' }]);
    expect(mail!.inReplyTo).toBe(customerMessageId);
    expect(mail!.references).toContain(customerMessageId);
    expect(mail!.text).toContain('An engineer is on the way.');
    expect(mail!.headers.get('auto-submitted')).toBeUndefined();

    // Jane answers the agent's mail: it joins the case, which waits on her no more.
    await dovecot.append(
      imapUser,
      rawMessage({
        from: 'jane@northwind.example',
        subject: `Re: ${answer.subject}`,
        inReplyTo: `<${answer.messageId}>`,
      }),
    );
    await expect
      .poll(async () => ((await org.admin.get(`/api/v1/cases/${opened.id}`)).body as Case).status, POLL)
      .toBe('open');
    expect((await casesOnceThereAre(org.admin, 1))[0]!.id).toBe(opened.id);

    // A second answer is not the first response.
    const again = await agent.post(`/api/v1/cases/${opened.id}/answers`, { text: 'Is it out now?' });
    expect(again.status).toBe(201);
    const later = (await org.admin.get(`/api/v1/cases/${opened.id}`)).body as Case;
    expect(later.firstResponseAt).toBe(afterAnswer.firstResponseAt);
    expect(later.status).toBe('open');
  });

  it('when a case came in by hand, then an answer names its mailbox and goes to the contact; an answer to nobody, or on a case of another organisation, is refused', async ({
    testApp,
    org,
    dovecot,
    imapUser,
    scheduler,
    smtp,
  }) => {
    const mailbox = await readSupportMailbox(testApp, org.admin, dovecot, imapUser);
    const contact = await org.admin.post('/api/v1/contacts', {
      firstName: 'Sam',
      lastName: 'Caller',
      emails: ['sam@caller.example'],
    });
    const byHand = (
      await org.admin.post('/api/v1/cases', { subject: 'Phoned about a refund', contactId: contact.body.id })
    ).body as Case;
    const nowhere = await org.admin.post(`/api/v1/cases/${byHand.id}/answers`, { text: 'Refunded.' });
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.details).toEqual([{ path: '/mailboxId' }]);

    const sent = await org.admin.post(`/api/v1/cases/${byHand.id}/answers`, {
      text: 'Refunded.',
      mailboxId: mailbox.id,
      status: 'resolved',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ to: [{ email: 'sam@caller.example' }], inReplyTo: null });
    await sendOutbox(scheduler);
    expect(smtp.messages.filter((message) => message.messageId === `<${sent.body.messageId}>`)).toHaveLength(
      1,
    );

    const nobody = (await org.admin.post('/api/v1/cases', { subject: 'No contact' })).body as Case;
    const toNobody = await org.admin.post(`/api/v1/cases/${nobody.id}/answers`, {
      text: 'Hi',
      mailboxId: mailbox.id,
    });
    expect(toNobody.status).toBe(422);
    expect(toNobody.body.details).toEqual([{ path: '/to' }]);
    const unchanged = (await org.admin.get(`/api/v1/cases/${nobody.id}`)).body as Case;
    expect(unchanged).toMatchObject({ status: 'new', firstResponseAt: null, version: nobody.version });

    const other = await createTestOrganisation(testApp);
    expect((await other.admin.post(`/api/v1/cases/${byHand.id}/answers`, { text: 'Hi' })).status).toBe(404);
    expect((await org.admin.post(`/api/v1/cases/${byHand.id}/answers`, { text: '' })).status).toBe(400);
  });
});
