import type { Case, Contact, Email, SupportMailbox, SupportMailProblem } from '@inbox-crm/shared';
import { dovecotMissing } from '@inbox-crm/server/testing';
import { uniqueMessageId } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { onTestFinished } from 'vitest';
import {
  casesOnceThereAre,
  connectSupportMailbox,
  mailboxTest,
  rawMessage,
  readSupportMailbox,
  startReaders,
} from '../support/service-desk.js';
import { describe, expect, test } from '../support/suite.js';

// Readers take every enabled mailbox in their database: a database of this file's own.
test.override('appOptions', { isolated: true });

const missing = dovecotMissing();

const it = mailboxTest('support', 12);

const POLL = { timeout: 10_000, interval: 100 };

async function cases(admin: Client): Promise<Case[]> {
  const reply = await admin.get('/api/v1/cases?limit=100');
  expect(reply.status).toBe(200);
  return (reply.body as { items: Case[] }).items;
}

async function emailOf(admin: Client, messageId: string): Promise<Email> {
  const reply = await admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as Email;
}

const mailbox = async (admin: Client, id: string) =>
  (await admin.get(`/api/v1/support-mailboxes/${id}`)).body as SupportMailbox;

describe.skipIf(missing !== null)(`support mail becomes cases${missing ? ` (${missing})` : ''}`, () => {
  it('when a customer writes to a support mailbox, then a new case is opened for them, filed to the case, the new contact and their company, and the mail stays on the server marked seen', async ({
    testApp,
    org,
    dovecot,
    imapUser,
  }) => {
    await readSupportMailbox(testApp, org.admin, dovecot, imapUser);
    const messageId = uniqueMessageId();
    const uid = await dovecot.append(
      imapUser,
      rawMessage({
        messageId,
        from: 'Jane Doe <jane.doe@northwind-traders.example>',
        subject: 'The printer is on fire',
      }),
    );
    await expect.poll(async () => (await cases(org.admin)).length, POLL).toBe(1);
    const [opened] = await cases(org.admin);
    expect(opened).toMatchObject({
      subject: 'The printer is on fire',
      status: 'new',
      priority: 'normal',
      number: 1,
    });
    expect(opened!.contactId).not.toBeNull();
    expect(opened!.accountId).not.toBeNull();
    const contact = (await org.admin.get(`/api/v1/contacts/${opened!.contactId}`)).body as Contact;
    expect(contact).toMatchObject({
      firstName: 'Jane',
      lastName: 'Doe',
      emails: ['jane.doe@northwind-traders.example'],
    });
    expect(contact.accountId).toBe(opened!.accountId);
    const account = (await org.admin.get(`/api/v1/accounts/${opened!.accountId}`)).body as {
      name: string;
      domains: string[];
    };
    expect(account).toMatchObject({ name: 'Northwind Traders', domains: ['northwind-traders.example'] });

    const email = await emailOf(org.admin, messageId);
    expect(email.source).toBe('mailbox');
    expect(email.filedBy).toBeNull();
    expect(email.links.map((link) => link.type).sort()).toEqual(['account', 'case', 'contact']);
    expect(email.bodyText).toContain('Smoke is coming out');
    await expect.poll(async () => (await dovecot.flags(imapUser)).get(uid)?.has('\\Seen'), POLL).toBe(true);
    expect((await dovecot.flags(imapUser)).size).toBe(1);
  });

  it('when someone writes from a free-mail address, then their contact is made without a company', async ({
    testApp,
    org,
    dovecot,
    imapUser,
  }) => {
    await readSupportMailbox(testApp, org.admin, dovecot, imapUser);
    await dovecot.append(
      imapUser,
      rawMessage({ from: 'Sam Lee <sam.lee@gmail.com>', subject: 'Refund please' }),
    );
    await expect.poll(async () => (await cases(org.admin)).length, POLL).toBe(1);
    const [opened] = await cases(org.admin);
    expect(opened!.accountId).toBeNull();
    const contact = (await org.admin.get(`/api/v1/contacts/${opened!.contactId}`)).body as Contact;
    expect(contact).toMatchObject({ firstName: 'Sam', lastName: 'Lee', accountId: null });
    expect((await org.admin.get('/api/v1/accounts?limit=10')).body.items).toEqual([]);
  });

  it('when a reply arrives by its headers or by the case number in its subject, then it is filed to the same case, which opens again if it was resolved', async ({
    testApp,
    org,
    dovecot,
    imapUser,
  }) => {
    await readSupportMailbox(testApp, org.admin, dovecot, imapUser);
    const first = uniqueMessageId();
    await dovecot.append(imapUser, rawMessage({ messageId: first, subject: 'Invoice 2291 is wrong' }));
    await expect.poll(async () => (await cases(org.admin)).length, POLL).toBe(1);
    const [opened] = await cases(org.admin);
    const resolved = await org.admin.patch(`/api/v1/cases/${opened!.id}`, {
      version: opened!.version,
      status: 'resolved',
    });
    expect(resolved.status).toBe(200);

    const byHeaders = uniqueMessageId();
    await dovecot.append(
      imapUser,
      rawMessage({
        messageId: byHeaders,
        subject: 'Re: Invoice 2291 is wrong',
        inReplyTo: first,
        references: [first],
      }),
    );
    await expect
      .poll(async () => (await org.admin.get(`/api/v1/cases/${opened!.id}`)).body.status, POLL)
      .toBe('open');
    expect(
      (await emailOf(org.admin, byHeaders)).links.some(
        (link) => link.type === 'case' && link.id === opened!.id,
      ),
    ).toBe(true);

    // A mail client that drops the headers: the subject's reference finds the case of its sender.
    const bySubject = uniqueMessageId();
    await dovecot.append(
      imapUser,
      rawMessage({ messageId: bySubject, subject: `AW: Invoice [#${opened!.number}]` }),
    );
    await expect
      .poll(
        async () =>
          (await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(bySubject)}`)).status,
        POLL,
      )
      .toBe(200);
    expect(
      (await emailOf(org.admin, bySubject)).links.some(
        (link) => link.type === 'case' && link.id === opened!.id,
      ),
    ).toBe(true);
    expect(await cases(org.admin)).toHaveLength(1);

    // Case numbers are easy to guess: a stranger quoting one gets a case of their own.
    await dovecot.append(
      imapUser,
      rawMessage({ from: 'Mallory <mallory@elsewhere.example>', subject: `Re: [#${opened!.number}] hello` }),
    );
    await expect.poll(async () => (await cases(org.admin)).length, POLL).toBe(2);
    const strangers = (await cases(org.admin)).find((one) => one.id !== opened!.id)!;
    expect(strangers.subject).toBe(`Re: [#${opened!.number}] hello`);
  });

  it('when the same message reaches two support mailboxes, then it is one email on one case', async ({
    testApp,
    org,
    dovecot,
  }) => {
    const sales = { user: 'support10@ourco.example', password: 'imap-password-10' };
    const help = { user: 'support11@ourco.example', password: 'imap-password-11' };
    await connectSupportMailbox(org.admin, dovecot, sales, { name: 'Sales' });
    await connectSupportMailbox(org.admin, dovecot, help, { name: 'Help' });
    const readers = startReaders(testApp);
    try {
      await expect
        .poll(
          async () =>
            (await org.admin.get('/api/v1/support-mailboxes')).body.items.map(
              (box: SupportMailbox) => box.status,
            ),
          POLL,
        )
        .toEqual(['connected', 'connected']);
      const messageId = uniqueMessageId();
      const raw = rawMessage({ messageId, to: `${sales.user}, ${help.user}`, subject: 'Both of you' });
      await Promise.all([dovecot.append(sales, raw), dovecot.append(help, raw)]);
      await expect.poll(async () => (await dovecot.flags(help)).get(1)?.has('\\Seen'), POLL).toBe(true);
      await expect.poll(async () => (await dovecot.flags(sales)).get(1)?.has('\\Seen'), POLL).toBe(true);
      expect(await cases(org.admin)).toHaveLength(1);
      expect((await emailOf(org.admin, messageId)).links.filter((link) => link.type === 'case')).toHaveLength(
        1,
      );
    } finally {
      await readers.stop();
    }
  });

  it('when a message has a broken structure or no sender, then the rest still become cases and admins see what was kept back and why', async ({
    testApp,
    org,
    dovecot,
    imapUser,
  }) => {
    const created = await readSupportMailbox(testApp, org.admin, dovecot, imapUser);
    const broken = [
      'From: Broken Mailer <mailer@broken.example>',
      'Subject: Half a message',
      `Message-ID: ${uniqueMessageId()}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="xyz"',
      '',
      '--xyz',
      'Content-Type: text/plain; charset=no-such-charset',
      'Content-Transfer-Encoding: base64',
      '',
      '%%% not base64 at all %%%',
      '--xyz',
      'Content-Type: application/pdf; name="cut.pdf"',
      '',
      'JVBERi0xLjQK',
      '',
    ].join('\r\n');
    await dovecot.append(imapUser, broken);
    await dovecot.append(
      imapUser,
      ['Subject: Who am I', `Message-ID: ${uniqueMessageId()}`, '', 'No sender here.', ''].join('\r\n'),
    );
    // A NUL in an encoded word: PostgreSQL cannot store it, so it is dropped.
    await dovecot.append(imapUser, rawMessage({ subject: '=?utf-8?q?Nul=00here?=' }));
    await dovecot.append(imapUser, rawMessage({ subject: 'After the broken ones' }));
    await expect
      .poll(async () => (await cases(org.admin)).map((one) => one.subject).sort(), POLL)
      .toEqual(['After the broken ones', 'Half a message', 'Nulhere']);
    const problems = (await org.admin.get(`/api/v1/support-mailboxes/${created.id}/problems`)).body
      .items as SupportMailProblem[];
    expect(problems).toEqual([
      expect.objectContaining({
        outcome: 'unreadable',
        reason: 'It has no sender address that can be read.',
        subject: 'Who am I',
      }),
    ]);
    // Nothing is deleted from the mail server, the unreadable message included.
    await expect
      .poll(
        async () => [...(await dovecot.flags(imapUser)).values()].every((flags) => flags.has('\\Seen')),
        POLL,
      )
      .toBe(true);
    expect((await dovecot.flags(imapUser)).size).toBe(4);
  });

  it('when messages wait together, then they are taken in one transaction: one new company makes one account, a reply joins the case its original opens, and one message refused leaves the rest to be taken in alone', async ({
    testApp,
    org,
    dovecot,
    imapUser,
  }) => {
    const settings = (await org.admin.get('/api/v1/organisation')).body as { version: number };
    const neverFile = await org.admin.patch('/api/v1/organisation', {
      version: settings.version,
      neverFile: ['payroll@initech.example'],
    });
    expect(neverFile.status).toBe(200);
    const created = await connectSupportMailbox(org.admin, dovecot, imapUser, { readExisting: true });
    const original = uniqueMessageId();
    const reply = uniqueMessageId();
    await dovecot.append(
      imapUser,
      rawMessage({ messageId: original, from: 'Ann <ann@initech.example>', subject: 'The stapler is gone' }),
    );
    await dovecot.append(imapUser, rawMessage({ from: 'Bob <bob@initech.example>', subject: 'TPS reports' }));
    await dovecot.append(
      imapUser,
      rawMessage({
        messageId: reply,
        from: 'Ann <ann@initech.example>',
        subject: 'Re: The stapler is gone',
        inReplyTo: original,
        references: [original],
      }),
    );
    // One reader taking one run at a time: the three waiting messages go in one transaction.
    const readers = startReaders(testApp, { concurrency: 1 });
    onTestFinished(() => readers.stop());
    const together = await casesOnceThereAre(org.admin, 2);
    expect(together.map((one) => one.subject).sort()).toEqual(['TPS reports', 'The stapler is gone']);
    expect(new Set(together.map((one) => one.createdAt)).size).toBe(1);
    expect(new Set(together.map((one) => one.accountId)).size).toBe(1);
    expect((await org.admin.get('/api/v1/accounts?limit=10')).body.items).toHaveLength(1);
    const stapler = together.find((one) => one.subject === 'The stapler is gone')!;
    expect((await emailOf(org.admin, reply)).links).toContainEqual(
      expect.objectContaining({ type: 'case', id: stapler.id }),
    );
    // The search rows and audit entries the transaction put off until its end were written with it.
    const found = await org.admin.get('/api/v1/search/activities?q=stapler');
    expect(found.status).toBe(200);
    expect((found.body.items as { id: string }[]).map((hit) => hit.id).sort()).toEqual(
      [(await emailOf(org.admin, original)).id, (await emailOf(org.admin, reply)).id].sort(),
    );
    const log = await org.admin.get(`/api/v1/audit-log?entityType=case&entityId=${stapler.id}`);
    expect(
      log.body.items.map((entry: { action: string; actor: { type: string } }) => [
        entry.action,
        entry.actor.type,
      ]),
    ).toEqual([
      ['update', 'mailbox'],
      ['create', 'mailbox'],
    ]);

    // A refusal fails its transaction: each message of it is then taken in alone.
    await dovecot.append(
      imapUser,
      rawMessage({ from: 'Payroll <payroll@initech.example>', subject: 'Salaries' }),
    );
    await dovecot.append(
      imapUser,
      rawMessage({ from: 'Carol <carol@initech.example>', subject: 'Red stapler' }),
    );
    const after = await casesOnceThereAre(org.admin, 3);
    expect(after.map((one) => one.subject)).toContain('Red stapler');
    await expect
      .poll(
        async () =>
          (
            (await org.admin.get(`/api/v1/support-mailboxes/${created.id}/problems`)).body
              .items as SupportMailProblem[]
          ).map((problem) => [problem.outcome, problem.subject]),
        POLL,
      )
      .toEqual([['refused', 'Salaries']]);
    await expect
      .poll(
        async () =>
          [...(await dovecot.flags(imapUser)).values()].filter((flags) => flags.has('\\Seen')).length,
        POLL,
      )
      .toBe(5);
  });

  it('when the server restarts halfway through a mailbox, and when two instances read one mailbox, then every message makes exactly one case', async ({
    testApp,
    org,
    dovecot,
    imapUser,
  }) => {
    const created = await connectSupportMailbox(org.admin, dovecot, imapUser);
    const first = startReaders(testApp);
    await expect.poll(async () => (await mailbox(org.admin, created.id)).status, POLL).toBe('connected');
    for (let index = 0; index < 15; index += 1) {
      await dovecot.append(
        imapUser,
        rawMessage({ from: `customer${index}@client${index}.example`, subject: `Question ${index}` }),
      );
    }
    // Stopped mid-mailbox: some of the 15 are in, the rest wait on the server.
    await expect.poll(async () => (await cases(org.admin)).length, POLL).toBeGreaterThan(0);
    await first.stop();
    for (let index = 15; index < 40; index += 1) {
      await dovecot.append(
        imapUser,
        rawMessage({ from: `customer${index}@client${index}.example`, subject: `Question ${index}` }),
      );
    }
    const instances = [startReaders(testApp), startReaders(testApp)];
    try {
      await expect.poll(async () => (await cases(org.admin)).length, { ...POLL, timeout: 30_000 }).toBe(40);
      const subjects = (await cases(org.admin)).map((one) => one.subject);
      expect(new Set(subjects).size).toBe(40);
      // Numbered per organisation from 1, each once (a rolled-back intake would leave a gap).
      const numbers = (await cases(org.admin)).map((one) => one.number);
      expect(new Set(numbers).size).toBe(40);
      expect(Math.min(...numbers)).toBe(1);
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
    }
  });

  it('when mail arrives while the reader waits in IDLE, then it becomes a case at once, long before the next poll', async ({
    testApp,
    org,
    dovecot,
    imapUser,
  }) => {
    await readSupportMailbox(testApp, org.admin, dovecot, imapUser, {
      readers: { pollMs: 60_000 },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const appendedAt = Date.now();
    await dovecot.append(imapUser, rawMessage({ subject: 'Announced by IDLE' }));
    await expect.poll(async () => (await cases(org.admin)).length, { timeout: 5_000, interval: 50 }).toBe(1);
    expect(Date.now() - appendedAt).toBeLessThan(5_000);
  });

  it('when a mailbox opens a case, then workflow rules listening for new cases fire as for a person’s', async ({
    testApp,
    org,
    rep,
    scheduler,
    dovecot,
    imapUser,
  }) => {
    const rule = await org.admin.post('/api/v1/workflow-rules', {
      name: 'Every support case gets a first look',
      recordType: 'case',
      trigger: { type: 'record_created' },
      actions: [
        {
          type: 'create_task',
          title: 'Read the new case',
          assignTo: { type: 'user', userId: rep.user.id },
          dueIn: { amount: 1, unit: 'hours' },
        },
      ],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    await readSupportMailbox(testApp, org.admin, dovecot, imapUser);
    await dovecot.append(imapUser, rawMessage({ subject: 'Needs a first look' }));
    await expect.poll(async () => (await cases(org.admin)).length, POLL).toBe(1);
    await scheduler.worker.drain();
    const [opened] = await cases(org.admin);
    const tasks = (await rep.client.get('/api/v1/tasks?limit=10')).body.items as {
      title: string;
      caseId: string;
    }[];
    expect(tasks).toEqual([expect.objectContaining({ title: 'Read the new case', caseId: opened!.id })]);
  });

  it('when the password is wrong, then admins see the mailbox failing and why, and never the password', async ({
    testApp,
    org,
    dovecot,
    imapUser,
  }) => {
    const created = await connectSupportMailbox(org.admin, dovecot, imapUser, { secret: 'not-the-password' });
    expect(JSON.stringify(created)).not.toContain('not-the-password');
    const readers = startReaders(testApp);
    try {
      await expect.poll(async () => (await mailbox(org.admin, created.id)).status, POLL).toBe('failing');
      const failing = await mailbox(org.admin, created.id);
      expect(failing.lastError).toMatch(/refused the sign-in/);
      expect(JSON.stringify(failing)).not.toContain('not-the-password');
      const stored = await testApp.database.knex('support_mailboxes').where({ id: created.id }).first();
      expect(JSON.stringify(stored)).not.toContain('not-the-password');

      const fixed = await org.admin.patch(`/api/v1/support-mailboxes/${created.id}`, {
        version: failing.version,
        secret: imapUser.password,
      });
      expect(fixed.status).toBe(200);
      await expect.poll(async () => (await mailbox(org.admin, created.id)).status, POLL).toBe('connected');
    } finally {
      await readers.stop();
    }
  });
});
