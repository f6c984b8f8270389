import {
  fakeGmailApi,
  type RecordedMessage,
  ATTACHED_PDF,
  htmlOnlyMessage,
  INLINE_LOGO,
  messageWithInlineImage,
  multipartMessage,
} from '@inbox-crm/addin-gmail/testing';
import { createCustomer } from '../support/customer.js';
import { emailToFile, fileEmail, uniqueMessageId } from '../support/fixtures.js';
import { describe, expect, test } from './support/add-on-suite.js';
import { actionState, addOnEvent, callAddOn, cardTexts } from './support/add-on-client.js';

type Access = { oauth: string; access: string };

const tokens = (): Access => ({
  oauth: `ya29.${Math.random().toString(36).slice(2)}`,
  access: `gm.${Math.random().toString(36).slice(2)}`,
});

const it = test
  /** Every test's organisation has a customer: Priya Raman at Northwind Traders, and their deal. */
  .extend('customer', { auto: true }, ({ org }) => createCustomer(org.admin))
  /** The add-on's event for the admin with `message` open in Gmail. */
  .extend(
    'opened',
    ({ google, org }) =>
      (message: RecordedMessage, oauth: Access, more: Partial<Parameters<typeof addOnEvent>[0]> = {}) =>
        addOnEvent({
          userToken: google.userToken(org.adminUser.email),
          message: { gmailId: message.gmailId, accessToken: oauth.access, oauthToken: oauth.oauth },
          ...more,
        }),
  )
  /** A message from Priya to the admin. */
  .extend('fromPriya', ({ org }) => (messageId = uniqueMessageId().slice(1, -1)): RecordedMessage => ({
    gmailId: `18c${Math.random().toString(16).slice(2, 12)}`,
    raw: multipartMessage({
      messageId,
      from: '"Priya Raman" <priya.raman@northwind.example>',
      to: `"Ada Admin" <${org.adminUser.email}>`,
    }),
  }))
  /** Opens the filing picker from the message's card; answers the picker card. */
  .extend(
    'openFiling',
    ({ testApp, google, opened }) =>
      async (cardBody: unknown, message: RecordedMessage, access: Access) => {
        fakeGmailApi(message, access);
        const picker = await callAddOn(
          testApp.app,
          google,
          '/gmail/action/open-filing',
          opened(message, access, { parameters: { state: actionState(cardBody, 'open-filing') } }),
        );
        return picker.body;
      },
  )
  /** Opens the message's card, then its filing picker, and files it to the customer's contact. */
  .extend(
    'fileToCustomerContact',
    ({ testApp, google, customer, opened, openFiling }) =>
      async (message: RecordedMessage) => {
        const access = tokens();
        fakeGmailApi(message, access);
        const card = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
        return callAddOn(
          testApp.app,
          google,
          '/gmail/action/file',
          opened(message, access, {
            parameters: { state: actionState(await openFiling(card.body, message, access), 'file') },
            formInputs: { records: [`contact:${customer.contact.id}`] },
          }),
        );
      },
  );

describe('the message card', () => {
  it('when a known contact’s message is opened, then it shows their record from the headers alone', async ({
    testApp,
    org,
    customer,
    google,
    opened,
    fromPriya,
  }) => {
    const late = await org.admin.post('/api/v1/tasks', {
      title: 'Send the signed contract back',
      dueAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString(),
      contactId: customer.contact.id,
    });
    expect(late.status).toBe(201);
    const optOut = await org.admin.post(`/api/v1/contacts/${customer.contact.id}/consents`, {
      purpose: 'marketing_email',
      state: 'opt_out',
      source: 'Phone call',
    });
    expect(optOut.status).toBe(201);
    const message = fromPriya();
    const access = tokens();
    const gmail = fakeGmailApi(message, access);
    const reply = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));

    expect(reply.status).toBe(200);
    const shown = reply.body.action.navigations[0].pushCard;
    expect(shown.header).toEqual({
      title: 'Priya Raman',
      subtitle: 'Head of Operations · Northwind Traders',
    });
    const texts = cardTexts(reply.body);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Fleet renewal 2027',
        'Invoice 1042 shows the wrong VAT rate',
        'Send the revised quote',
        'Discussed the renewal terms',
      ]),
    );
    // Codes in words, as in Outlook: the case's status and priority, the history entry's kind.
    expect(texts).toContain('Open · High');
    expect(texts.some((text) => text.startsWith('Call · '))).toBe(true);
    expect(texts.some((text) => text.startsWith('Overdue · due '))).toBe(true);
    expect(texts).toContain('This email is not filed yet.');
    expect(texts).toContain('Marketing email: Opted out<br>Newsletter: no answer<br>Phone calls: no answer');
    expect(gmail.reads).toEqual(['metadata']);
  });

  it('when others are on the message, then the sender leads, the others are listed with what the CRM knows, and one opens their own card', async ({
    testApp,
    org,
    google,
    opened,
  }) => {
    const message: RecordedMessage = {
      gmailId: `18c${Math.random().toString(16).slice(2, 12)}`,
      raw: multipartMessage({
        messageId: uniqueMessageId().slice(1, -1),
        from: '"Sam Stranger" <sam@stranger-co.example>',
        to: `"Ada Admin" <${org.adminUser.email}>, "Priya Raman" <priya.raman@northwind.example>, "Colleague" <pat@${org.domain}>`,
      }),
    };
    const access = tokens();
    fakeGmailApi(message, access);
    const reply = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
    const shown = reply.body.action.navigations[0].pushCard;
    // The sender leads though unknown; a colleague on the message is not listed.
    expect(shown.header.title).toBe('Sam Stranger');
    const texts = cardTexts(reply.body);
    expect(texts).toContain('Also on this message (2)');
    expect(texts).toContain('Priya Raman');
    expect(texts).toContain('priya.raman@northwind.example · Contact · Northwind Traders');
    expect(texts).toContain('Ops Team');
    expect(texts.join(' ')).not.toContain(`pat@${org.domain}`);
    expect(
      texts.some((text) => text.includes('belongs to the account') || text.includes('No contact has')),
    ).toBe(true);

    fakeGmailApi(message, access);
    const chosen = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/show-person',
      opened(message, access, { parameters: { state: actionState(reply.body, 'show-person') } }),
    );
    const personCard = chosen.body.renderActions.action.navigations[0].pushCard;
    expect(personCard.header).toEqual({
      title: 'Priya Raman',
      subtitle: 'Head of Operations · Northwind Traders',
    });
    const personTexts = cardTexts(chosen.body);
    // Why this record, in a small line, for a known contact too.
    expect(personTexts.join('\n')).toContain('A contact has the address priya.raman@northwind.example.');
    expect(personTexts).toContain('Fleet renewal 2027');
  });

  it('when the message was filed before (from Outlook), then the card says by whom, and filing from Gmail adds to that one email', async ({
    testApp,
    org,
    google,
    customer,
    opened,
    fromPriya,
    openFiling,
  }) => {
    const messageId = uniqueMessageId().slice(1, -1);
    await fileEmail(
      org.admin,
      emailToFile({ messageId: `<${messageId}>`, links: [{ type: 'contact', id: customer.contact.id }] }),
    );
    const message = fromPriya(messageId);
    const access = tokens();
    fakeGmailApi(message, access);
    const reply = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
    const texts = cardTexts(reply.body);
    expect(texts).toContain('Filed');
    expect(texts.join(' ')).toContain('by Ada Admin');
    expect(texts).toContain('Priya Raman');
    const before = await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`);

    // Filing it again from Gmail, to the account, adds to the one email.
    const picker = await openFiling(reply.body, message, access);
    const filed = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/file',
      opened(message, access, {
        parameters: { state: actionState(picker, 'file') },
        formInputs: { records: [`account:${customer.account.id}`] },
      }),
    );
    expect(filed.body.renderActions.action.notification).toEqual({ text: 'Added to 1 record.' });
    const after = await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`);
    expect(after.body.id).toBe(before.body.id);
    expect(after.body.links.map((link: { type: string }) => link.type).sort()).toEqual([
      'account',
      'contact',
    ]);
  });

  it('when the message belongs to a case, then the card shows the case with its number, status, assignee and clock, and it is taken and moved on from the card', async ({
    testApp,
    org,
    google,
    customer,
    opened,
    fromPriya,
  }) => {
    const { supportCase } = customer;
    const always = {
      timeZone: 'UTC',
      periods: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })),
      holidays: [],
    };
    const target = { firstResponseMinutes: 24 * 60, resolutionMinutes: null };
    const policy = await org.admin.post('/api/v1/sla-policies', {
      name: 'Standard',
      calendar: always,
      targets: { low: target, normal: target, high: target, urgent: target },
      accountIds: [],
      warnMinutes: 60,
    });
    expect(policy.status).toBe(201);
    const messageId = uniqueMessageId().slice(1, -1);
    await fileEmail(
      org.admin,
      emailToFile({
        messageId: `<${messageId}>`,
        links: [
          { type: 'case', id: supportCase.id },
          { type: 'contact', id: customer.contact.id },
        ],
      }),
    );
    const message = fromPriya(messageId);
    const access = tokens();
    fakeGmailApi(message, access);
    const reply = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
    const texts = cardTexts(reply.body);
    expect(texts).toContain(`Case #${supportCase.number}`);
    expect(texts).toContain('Open · High priority');
    expect(texts).toContain('Assigned to Ada Admin');
    expect(texts.some((text) => /^First answer (due in|overdue by) /.test(text))).toBe(true);

    const colleague = (await org.addUser('member', { name: 'Cody Colleague' })).user;
    const fresh = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
    fakeGmailApi(message, access);
    const saved = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/update-case',
      opened(message, access, {
        parameters: { state: actionState(fresh.body, 'update-case') },
        formInputs: { 'case-status': ['pending'], 'case-owner': [colleague.id] },
      }),
    );
    expect(saved.body.renderActions.action.notification).toEqual({
      text: `Case #${supportCase.number} saved.`,
    });
    const moved = (await org.admin.get(`/api/v1/cases/${supportCase.id}`)).body;
    expect(moved).toMatchObject({ status: 'pending', ownerId: colleague.id });
    expect(cardTexts(saved.body)).toContain('Assigned to Cody Colleague');

    // Assign to me, from the card drawn after that change.
    fakeGmailApi(message, access);
    const taken = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/take-case',
      opened(message, access, { parameters: { state: actionState(saved.body, 'take-case') } }),
    );
    expect(taken.body.renderActions.action.notification).toEqual({
      text: `Case #${supportCase.number} saved.`,
    });
    expect((await org.admin.get(`/api/v1/cases/${supportCase.id}`)).body.ownerId).toBe(org.adminUser.id);

    // A card drawn before those changes is stale: refused, nothing moved back.
    fakeGmailApi(message, access);
    const stale = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/update-case',
      opened(message, access, {
        parameters: { state: actionState(reply.body, 'update-case') },
        formInputs: { 'case-status': ['open'], 'case-owner': ['nobody'] },
      }),
    );
    expect(cardTexts(stale.body).join(' ')).toContain('was changed by');
    expect((await org.admin.get(`/api/v1/cases/${supportCase.id}`)).body.status).toBe('pending');
  });

  it('when the sender asked to be forgotten, then the card says so and offers no contact', async ({
    testApp,
    org,
    google,
    opened,
  }) => {
    const suppressed = await org.admin.post('/api/v1/privacy/suppressions', {
      email: 'gone.away@forgotten-gmail.example',
    });
    expect(suppressed.status).toBe(201);
    const message = {
      gmailId: '18cforgotten1',
      raw: multipartMessage({
        messageId: uniqueMessageId().slice(1, -1),
        from: '"Gone Away" <gone.away@forgotten-gmail.example>',
        to: `"Ada Admin" <${org.adminUser.email}>`,
      }),
    };
    const access = tokens();
    fakeGmailApi(message, access);
    const reply = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
    expect(reply.status).toBe(200);
    expect(reply.body.action.navigations[0].pushCard.header).toEqual({
      title: 'Gone Away',
      subtitle: 'gone.away@forgotten-gmail.example · Asked to be forgotten',
    });
    const texts = cardTexts(reply.body);
    expect(texts.join(' ')).toContain(
      'This person asked to be forgotten: nothing of theirs is kept or filed.',
    );
    expect(texts).not.toContain('Create contact');
  });

  it('when the sender is unknown and writes in UTF-8 to many people, then the card explains and offers nothing to misfile', async ({
    testApp,
    org,
    google,
    opened,
  }) => {
    const recipients = [
      org.adminUser.email,
      ...Array.from({ length: 300 }, (_, n) => `person${n}@bigcorp${n % 3}.example`),
    ];
    const message = {
      gmailId: '18cunknown01',
      raw: htmlOnlyMessage({
        messageId: 'zurich-1@angebote.example',
        from: 'Lukas Meier <lukas@angebote.example>',
        recipients,
      }),
    };
    const access = tokens();
    fakeGmailApi(message, access);
    const reply = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
    expect(reply.body.action.navigations[0].pushCard.header).toEqual({
      title: 'Lukas Meier',
      subtitle: 'lukas@angebote.example · Not in the CRM',
    });
    expect(cardTexts(reply.body).join(' ')).toContain('no account has the domain angebote.example');
    // A 300-recipient announcement: everyone looked up at once, the card lists the first of them.
    expect(cardTexts(reply.body)).toEqual(
      expect.arrayContaining(['Also on this message (300)', 'person0@bigcorp0.example', 'and 280 more']),
    );
  });

  it('when Gmail refuses the message (the token expired), then the card says to open it again', async ({
    testApp,
    google,
    opened,
    fromPriya,
  }) => {
    const message = fromPriya();
    const access = tokens();
    fakeGmailApi(message, access, { status: 401 });
    const reply = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
    expect(reply.status).toBe(200);
    expect(cardTexts(reply.body)).toContain('<b>Gmail’s permission has expired</b>');
  });
});

describe('a reply whose thread is filed, in Gmail', () => {
  it('when it is opened, then the card offers to file it with the thread; with the organisation’s rule it is filed on opening, and Undo takes it back', async ({
    testApp,
    org,
    google,
    customer,
    opened,
    fromPriya,
  }) => {
    // The messages answer <earlier-quote@crm.example.test>, filed to Priya's contact before.
    await fileEmail(
      org.admin,
      emailToFile({
        messageId: '<earlier-quote@crm.example.test>',
        links: [{ type: 'contact', id: customer.contact.id }],
      }),
    );
    const first = fromPriya();
    const access = tokens();
    fakeGmailApi(first, access);
    const offered = await callAddOn(testApp.app, google, '/gmail/message', opened(first, access));
    expect(cardTexts(offered.body)).toEqual(
      expect.arrayContaining(['Its thread is filed to Priya Raman (Contact).', 'File with the thread']),
    );
    const filed = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/file-with-thread',
      opened(first, access, { parameters: { state: actionState(offered.body, 'file-with-thread') } }),
    );
    expect(filed.body.renderActions.action.notification.text).toBe('Filed to 1 record.');

    const settings = await org.admin.get('/api/v1/organisation');
    await org.admin.patch('/api/v1/organisation', { version: settings.body.version, autoFileThreads: true });
    const second = fromPriya();
    fakeGmailApi(second, access);
    const auto = await callAddOn(testApp.app, google, '/gmail/message', opened(second, access));
    expect(cardTexts(auto.body)).toEqual(
      expect.arrayContaining(['Filed with its thread, as your organisation asks.', 'Undo']),
    );
    // The thread's first message, the reply filed by hand, and this one, filed on opening.
    expect((await org.admin.get('/api/v1/emails?scope=organisation')).body.items).toHaveLength(3);
    const undone = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/undo-filing',
      opened(second, access, { parameters: { state: actionState(auto.body, 'undo-filing') } }),
    );
    expect(undone.body.renderActions.action.notification.text).toBe('Undone: this email is not filed.');
    expect((await org.admin.get('/api/v1/emails?scope=organisation')).body.items).toHaveLength(2);
    expect(cardTexts(undone.body)).toContain('File with the thread');
  });
});

describe('filing from Gmail', () => {
  it('when File is chosen and two records are ticked, then the whole message is stored once and the card shows it filed', async ({
    testApp,
    org,
    google,
    customer,
    opened,
    fromPriya,
  }) => {
    const messageId = uniqueMessageId().slice(1, -1);
    const message = fromPriya(messageId);
    const access = tokens();
    const gmail = fakeGmailApi(message, access);
    const card = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));

    const picker = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/open-filing',
      opened(message, access, { parameters: { state: actionState(card.body, 'open-filing') } }),
    );
    const checkboxes =
      picker.body.renderActions.action.navigations[0].pushCard.sections[0].widgets[0].selectionInput;
    const ticked = checkboxes.items
      .filter((item: { selected: boolean }) => item.selected)
      .map((item: { value: string }) => item.value);
    expect(ticked).toEqual([`contact:${customer.contact.id}`, `account:${customer.account.id}`]);

    const filed = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/file',
      opened(message, access, {
        parameters: { state: actionState(picker.body, 'file') },
        formInputs: { records: ticked },
      }),
    );
    expect(filed.body.renderActions.action.notification).toEqual({ text: 'Filed to 2 records.' });
    expect(filed.body.renderActions.action.navigations[0]).toEqual({ pop: true });
    expect(cardTexts(filed.body)).toContain('Filed');
    // Opening and picking read headers only; the whole message is fetched once, to file it.
    expect(gmail.reads).toEqual(['metadata', 'metadata', 'raw', 'metadata']);

    const stored = await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`);
    expect(stored.body).toMatchObject({
      source: 'gmail',
      subject: 'Re: Fleet renewal: revised terms',
      from: { email: 'priya.raman@northwind.example', name: 'Priya Raman' },
      cc: [{ email: 'ops@northwind.example', name: 'Ops Team' }],
      inReplyTo: 'earlier-quote@crm.example.test',
      references: ['first-contact@northwind.example', 'earlier-quote@crm.example.test'],
      attachments: [{ name: 'fleet-list.xls', contentType: 'application/vnd.ms-excel', size: 21 }],
    });
    expect(stored.body.bodyText).toContain('The three-year term works for us.');
    expect(stored.body.bodyHtml).toContain('<b>revised quote</b>');
    expect(stored.body.bodyHtml).not.toContain('script');
    expect(stored.body.links.map((link: { type: string }) => link.type).sort()).toEqual([
      'account',
      'contact',
    ]);
  });

  it('when a non-ASCII, HTML-only message is filed, then its subject and text are kept readable', async ({
    org,
    fileToCustomerContact,
  }) => {
    const message = {
      gmailId: '18cutf8001',
      raw: htmlOnlyMessage({
        messageId: 'zurich-2@angebote.example',
        from: 'Priya <priya.raman@northwind.example>',
        recipients: [org.adminUser.email],
      }),
    };
    const filed = await fileToCustomerContact(message);
    expect(filed.body.renderActions.action.notification.text).toBe('Filed to 1 record.');
    const stored = await org.admin.get('/api/v1/emails/by-message-id/zurich-2%40angebote.example');
    expect(stored.body.subject).toBe('Zürich: Angebot für 2027 ✓');
    expect(stored.body.bodyText).toContain('Grüezi');
  });

  it('when a message with an inline logo and a PDF is filed, then both files are kept from the raw message, the logo by its Content-ID', async ({
    org,
    fileToCustomerContact,
  }) => {
    const messageId = uniqueMessageId().slice(1, -1);
    const message: RecordedMessage = {
      gmailId: '18cinline01',
      raw: messageWithInlineImage({
        messageId,
        from: 'Priya <priya.raman@northwind.example>',
        to: org.adminUser.email,
      }),
    };
    const filed = await fileToCustomerContact(message);
    expect(filed.body.renderActions.action.notification.text).toBe('Filed to 1 record.');
    const stored = await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`);
    expect(stored.body.bodyHtml).toContain('src="cid:logo.png@northwind"');
    expect(stored.body.attachments).toEqual([
      expect.objectContaining({
        name: 'logo.png',
        inline: true,
        contentId: 'logo.png@northwind',
        stored: true,
      }),
      expect.objectContaining({ name: 'order-1042.pdf', inline: false, contentId: null, stored: true }),
    ]);
    const logo = await org.admin.download(`/api/v1/emails/${stored.body.id}/attachments/0`);
    expect(logo.bytes.equals(INLINE_LOGO)).toBe(true);
    const pdf = await org.admin.download(`/api/v1/emails/${stored.body.id}/attachments/1`);
    expect(pdf.bytes.equals(ATTACHED_PDF)).toBe(true);
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="order-1042.pdf"');
  });

  it('when Private is ticked on the filing card, then the email is filed private to its filer', async ({
    testApp,
    org,
    google,
    customer,
    opened,
    fromPriya,
    openFiling,
  }) => {
    const messageId = uniqueMessageId().slice(1, -1);
    const message = fromPriya(messageId);
    const access = tokens();
    fakeGmailApi(message, access);
    const card = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
    const picker = await openFiling(card.body, message, access);
    expect(cardTexts(picker)).toContain('Private: only I, my manager and admins');
    const filed = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/file',
      opened(message, access, {
        parameters: { state: actionState(picker, 'file') },
        formInputs: { records: [`contact:${customer.contact.id}`], private: ['yes'] },
      }),
    );
    expect(filed.body.renderActions.action.notification.text).toBe('Filed to 1 record.');
    const stored = await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`);
    expect(stored.body.private).toBe(true);
    const { client: member } = await org.addUser('member');
    expect((await member.get(`/api/v1/emails/${stored.body.id}`)).status).toBe(404);
  });

  it('when a message carries NUL bytes, then it is filed with them removed', async ({
    org,
    fileToCustomerContact,
  }) => {
    const messageId = uniqueMessageId().slice(1, -1);
    const message: RecordedMessage = {
      gmailId: '18cnul0001',
      raw: multipartMessage({
        messageId,
        from: '"Priya\u0000 Raman" <priya.raman@northwind.example>',
        to: `"Ada Admin" <${org.adminUser.email}>`,
        subject: 'Fleet\u0000 renewal',
      }),
    };
    const filed = await fileToCustomerContact(message);
    expect(filed.body.renderActions.action.notification.text).toBe('Filed to 1 record.');
    const stored = await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`);
    expect(stored.body.subject).toBe('Fleet renewal');
    expect(stored.body.from.name).toBe('Priya Raman');
  });

  it('when a link is unfiled from the card, then only that link goes', async ({
    testApp,
    org,
    google,
    customer,
    opened,
    fromPriya,
  }) => {
    const messageId = uniqueMessageId().slice(1, -1);
    await fileEmail(
      org.admin,
      emailToFile({
        messageId,
        links: [
          { type: 'contact', id: customer.contact.id },
          { type: 'account', id: customer.account.id },
        ],
      }),
    );
    const message = fromPriya(messageId);
    const access = tokens();
    fakeGmailApi(message, access);
    const card = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
    const reply = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/unfile',
      opened(message, access, { parameters: { state: actionState(card.body, 'unfile') } }),
    );
    expect(reply.body.renderActions.action.notification).toEqual({ text: 'Unfiled.' });
    const stored = await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`);
    expect(stored.body.links).toHaveLength(1);
  });

  it('when nothing is ticked, or the card’s state is forged or for another action, then nothing is filed and the card says why', async ({
    testApp,
    google,
    opened,
    fromPriya,
    openFiling,
  }) => {
    const message = fromPriya();
    const access = tokens();
    fakeGmailApi(message, access);
    const card = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
    const state = actionState(card.body, 'open-filing');

    const none = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/file',
      opened(message, access, { parameters: { state } }),
    );
    expect(cardTexts(none.body)).toContain('<b>This card is out of date</b>');
    const forged = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/open-filing',
      opened(message, access, { parameters: { state: `${state}x` } }),
    );
    expect(cardTexts(forged.body)).toContain('<b>This card is out of date</b>');
    const nothingTicked = await callAddOn(
      testApp.app,
      google,
      '/gmail/action/file',
      opened(message, access, {
        parameters: { state: actionState(await openFiling(card.body, message, access), 'file') },
        formInputs: {},
      }),
    );
    expect(cardTexts(nothingTicked.body).join(' ')).toContain('Tick at least one record');
  });
});

describe('the same words and formats as in Outlook', () => {
  /** Codes a person should never read on a card: statuses, priorities and kinds as stored. */
  const RAW_CODE =
    /(^|· )(open|new|pending|resolved|closed|low|normal|high|urgent|won|lost|call|email|note|meeting)( ·|$)/;
  const ISO_DATE = /\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/;

  it('when the email is filed, then the card after it offers the same next steps as before, with dates and codes in words', async ({
    testApp,
    google,
    opened,
    fromPriya,
    fileToCustomerContact,
  }) => {
    const message = fromPriya();
    const access = tokens();
    fakeGmailApi(message, access);
    const before = cardTexts(
      (await callAddOn(testApp.app, google, '/gmail/message', opened(message, access))).body,
    );
    const filed = await fileToCustomerContact(message);
    const after = cardTexts(filed.body);

    const nextSteps = ['Add note', 'Log call', 'Follow-up task'];
    expect(before).toEqual(expect.arrayContaining(nextSteps));
    expect(after).toEqual(expect.arrayContaining(nextSteps));
    expect(after.find((text) => text.startsWith('Filed by'))).toMatch(
      /^Filed by Ada Admin · (\d+ \w+|\w+ \d+), \d{2}:\d{2}/,
    );
    for (const text of [...before, ...after]) {
      expect(text).not.toMatch(ISO_DATE);
      expect(text).not.toMatch(RAW_CODE);
    }
  });

  it('when someone the CRM does not know writes from a known company, then the card names them in full beside their address and the company', async ({
    testApp,
    org,
    google,
    opened,
  }) => {
    const message: RecordedMessage = {
      gmailId: `18c${Math.random().toString(16).slice(2, 12)}`,
      raw: multipartMessage({
        messageId: uniqueMessageId().slice(1, -1),
        from: '"Dr Amara Okonkwo-Bello" <amara.okonkwo-bello@northwind.example>',
        to: `"Ada Admin" <${org.adminUser.email}>`,
      }),
    };
    const access = tokens();
    fakeGmailApi(message, access);
    const reply = await callAddOn(testApp.app, google, '/gmail/message', opened(message, access));
    expect(reply.body.action.navigations[0].pushCard.header).toEqual({
      title: 'Dr Amara Okonkwo-Bello',
      subtitle: 'amara.okonkwo-bello@northwind.example · Not a contact yet · Northwind Traders',
    });
    expect(cardTexts(reply.body)).toContain('Create contact');
  });
});
