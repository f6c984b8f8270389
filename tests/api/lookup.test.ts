import type { LookupResult } from '@inbox-crm/shared';
import {
  createAccount,
  createContact,
  createOpportunity,
  emailToFile,
  fileEmail,
  uniqueMessageId,
} from '../support/fixtures.js';
import type { TestOrganisation } from '../support/organisation.js';
import { describe, expect, test } from '../support/suite.js';

// Every test's organisation knows Acme and Jane Doe there.
const it = test
  .extend('acme', { auto: true }, ({ org }) =>
    createAccount(org.admin, {
      name: 'Acme Ltd',
      domains: ['acme.co.uk'],
      phone: '+44 20 7946 0000',
    }),
  )
  .extend('jane', { auto: true }, ({ org, acme }) =>
    createContact(org.admin, {
      firstName: 'Jane',
      lastName: 'Doe',
      title: 'Head of Procurement',
      accountId: acme.id,
      emails: ['Jane.Doe@Acme.co.uk', 'jane@personal-mail.example'],
      phones: [{ number: '+44 7911 123456', label: 'mobile' }],
    }),
  );

const lookup = (org: TestOrganisation, query: string) =>
  org.admin.get<LookupResult>(`/api/v1/lookup?${query}`);

describe('lookup by address', () => {
  it('when the address matches a contact in any case, then answers the contact, account, open opportunity and case, task and timeline', async ({
    org,
    acme,
    jane,
  }) => {
    const opportunity = await createOpportunity(org.admin, {
      name: 'Acme renewal 2027',
      accountId: acme.id,
      amountMinor: 1250000,
      currency: 'GBP',
    });
    const kase = await org.admin.post('/api/v1/cases', {
      subject: 'Invoice shows wrong VAT',
      contactId: jane.id,
      priority: 'high',
    });
    const task = await org.admin.post('/api/v1/tasks', {
      title: 'Call Jane back',
      contactId: jane.id,
      dueAt: '2026-12-01T10:00:00Z',
    });
    const note = await org.admin.post('/api/v1/activities', {
      type: 'note',
      body: 'Prefers calls in the morning.',
      links: [{ type: 'contact', id: jane.id }],
    });
    expect([kase.status, task.status, note.status]).toEqual([201, 201, 201]);

    const { status, body } = await lookup(org, 'email=JANE.DOE@acme.CO.uk');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.match).toBe('contact');
    expect(body.reason.kind).toBe('exact_address');
    expect(body.contact).toMatchObject({
      id: jane.id,
      name: 'Jane Doe',
      title: 'Head of Procurement',
      phones: [{ number: '+447911123456', label: 'mobile' }],
    });
    expect(body.account).toMatchObject({ id: acme.id, name: 'Acme Ltd', domains: ['acme.co.uk'] });
    expect(body.opportunities).toEqual([
      expect.objectContaining({ id: opportunity.id, stage: 'Lead', amountMinor: 1250000, currency: 'GBP' }),
    ]);
    expect(body.cases).toEqual([
      expect.objectContaining({ id: kase.body.id, status: 'new', priority: 'high' }),
    ]);
    expect(body.tasks).toEqual([
      expect.objectContaining({
        id: task.body.id,
        title: 'Call Jane back',
        dueAt: '2026-12-01T10:00:00.000Z',
      }),
    ]);
    expect(body.timeline).toEqual([
      expect.objectContaining({ id: note.body.id, type: 'note', snippet: 'Prefers calls in the morning.' }),
    ]);
    expect(body.others).toEqual([]);
    expect(body.filing).toBeNull();
  });

  it('when no contact has the address, then matches the account by registrable domain, sub-domains included', async ({
    org,
    acme,
  }) => {
    const { body } = await lookup(org, 'email=someone.else@mail.acme.co.uk');
    expect(body.match).toBe('account');
    expect(body.contact).toBeNull();
    expect(body.account?.id).toBe(acme.id);
    expect(body.reason).toMatchObject({
      kind: 'domain',
      domain: 'acme.co.uk',
      accountId: acme.id,
      accountName: 'Acme Ltd',
    });
  });

  it('when the address is at a free-mail domain, then never matches an account by it', async ({ org }) => {
    await createAccount(org.admin, { name: 'Gmail look-alike', domains: ['gmail-business.example'] });
    const { body } = await lookup(org, 'email=random.person@gmail.com');
    expect(body.match).toBe('none');
    expect(body.reason.kind).toBe('free_mail_domain');
    const refused = await org.admin.post('/api/v1/accounts', { name: 'Google?', domains: ['gmail.com'] });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('free_mail_domain');
  });

  it('when a free-mail address belongs to a contact, then the contact still matches', async ({ org }) => {
    await createContact(org.admin, { firstName: 'Sam', lastName: 'Solo', emails: ['sam.solo@gmail.com'] });
    const { body } = await lookup(org, 'email=Sam.Solo@gmail.com');
    expect(body.match).toBe('contact');
    expect(body.account).toBeNull();
  });

  it('when nothing matches, then says so with the reason', async ({ org }) => {
    const { body } = await lookup(org, 'email=who@unknown-company.example');
    expect(body).toMatchObject({
      match: 'none',
      contact: null,
      account: null,
      opportunities: [],
      timeline: [],
    });
    expect(body.reason).toMatchObject({ kind: 'no_match', domain: 'unknown-company.example' });
  });

  it('when several recipients are asked, then answers one entry per address with the best match first and own addresses set aside', async ({
    org,
  }) => {
    const { body } = await lookup(
      org,
      `email=who@unknown-company.example&email=colleague@${org.domain}&email=jane.doe@acme.co.uk&email=x@mail.acme.co.uk`,
    );
    expect(body.address).toBe('jane.doe@acme.co.uk');
    expect(body.match).toBe('contact');
    expect(body.others.map((view) => [view.address, view.match, view.reason.kind])).toEqual([
      ['who@unknown-company.example', 'none', 'no_match'],
      [`colleague@${org.domain}`, 'none', 'own_domain'],
      ['x@mail.acme.co.uk', 'account', 'domain'],
    ]);
  });

  it('when asked by phone in national notation, then finds the contact by E.164', async ({
    org,
    acme,
    jane,
  }) => {
    const asUsNumber = await lookup(org, 'phone=07911%20123456');
    expect(asUsNumber.status).toBe(400);
    const settings = await org.admin.get('/api/v1/organisation');
    await org.admin.patch('/api/v1/organisation', { version: settings.body.version, defaultCountry: 'GB' });
    const national = await lookup(org, 'phone=07911%20123456');
    const international = await lookup(org, 'phone=%2B447911123456');
    expect(national.body.match).toBe('contact');
    expect(national.body.contact?.id).toBe(jane.id);
    expect(international.body).toMatchObject({
      match: 'contact',
      phone: '+447911123456',
      reason: { kind: 'phone' },
    });
    const accountByPhone = await lookup(org, 'phone=%2B442079460000');
    expect(accountByPhone.body).toMatchObject({ match: 'account', account: { id: acme.id } });
  });

  it('when the address is malformed or missing, then answers 400', async ({ org }) => {
    expect((await lookup(org, '')).status).toBe(400);
    const bad = await lookup(org, 'email=not-an-address');
    expect(bad.status).toBe(200);
    expect(bad.body.reason.kind).toBe('invalid_address');
    expect((await lookup(org, 'phone=12')).status).toBe(400);
  });
});

describe('lookup of a message', () => {
  it('tells whether the message is filed, to what and by whom, and suggests the records its thread was filed to', async ({
    org,
    acme,
    jane,
  }) => {
    const first = uniqueMessageId();
    const unfiled = await lookup(org, `email=jane.doe@acme.co.uk&messageId=${encodeURIComponent(first)}`);
    expect(unfiled.status, JSON.stringify(unfiled.body)).toBe(200);
    expect(unfiled.body.filing).toMatchObject({ filed: false, links: [], suggestedLinks: [] });

    await fileEmail(
      org.admin,
      emailToFile({
        messageId: first,
        links: [
          { type: 'contact', id: jane.id },
          { type: 'account', id: acme.id },
        ],
      }),
    );
    const filed = await lookup(org, `email=jane.doe@acme.co.uk&messageId=${encodeURIComponent(first)}`);
    expect(filed.body.filing).toMatchObject({
      filed: true,
      filedBy: { id: org.adminUser.id, name: 'Ada Admin' },
    });
    expect(filed.body.filing?.links).toEqual(
      expect.arrayContaining([
        { type: 'contact', id: jane.id, name: 'Jane Doe' },
        { type: 'account', id: acme.id, name: 'Acme Ltd' },
      ]),
    );
    expect(filed.body.timeline.find((entry) => entry.type === 'email')).toMatchObject({
      type: 'email',
      subject: 'Re: Renewal quote for 2027',
      from: { email: 'jane.doe@acme.example' },
    });

    const reply = uniqueMessageId();
    const threaded = await lookup(
      org,
      `email=jane.doe@acme.co.uk&messageId=${encodeURIComponent(reply)}&inReplyTo=${encodeURIComponent(first)}`,
    );
    expect(threaded.body.filing).toMatchObject({ filed: false });
    expect(threaded.body.filing?.suggestedLinks).toHaveLength(2);
  });
});

describe('lookup of everyone on a message', () => {
  it('when a 300-recipient announcement is looked up, then every address is answered in one statement, the best match in full and the rest brief', async ({
    org,
    testApp,
    jane,
    acme,
  }) => {
    await createOpportunity(org.admin, { name: 'Acme expansion', accountId: acme.id });
    const recipients = Array.from({ length: 298 }, (_, n) => `reader${n}@audience-${n % 7}.example`);
    const emails = [...recipients, `colleague@${org.domain}`, 'Jane.Doe@acme.co.uk', `x${0}@acme.co.uk`];
    const statements: string[] = [];
    const count = (query: { sql: string }) => statements.push(query.sql);
    testApp.app.db.on('query', count);
    const { status, body } = await org.admin.post<LookupResult>('/api/v1/lookup', {
      emails,
      timelineLimit: 5,
    });
    testApp.app.db.off('query', count);

    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(statements.filter((sql) => sql.includes('unnest(')).length).toBe(1);
    expect(body).toMatchObject({ address: 'jane.doe@acme.co.uk', match: 'contact', detail: 'full' });
    expect(body.contact?.id).toBe(jane.id);
    expect(body.opportunities.map((deal) => deal.name)).toEqual(['Acme expansion']);
    expect(body.others).toHaveLength(300);
    expect(body.others.map((view) => view.address)).toEqual(
      emails.filter((address) => address !== 'Jane.Doe@acme.co.uk'),
    );
    const byAddress = new Map(body.others.map((view) => [view.address, view]));
    expect(byAddress.get('x0@acme.co.uk')).toMatchObject({
      match: 'account',
      detail: 'brief',
      account: { id: acme.id },
      opportunities: [],
      timeline: [],
    });
    expect(byAddress.get(`colleague@${org.domain}`)?.reason.kind).toBe('own_domain');
    // Nobody matched: there is nothing more to read, so the answer is whole.
    expect(byAddress.get('reader5@audience-5.example')).toMatchObject({ match: 'none', detail: 'full' });
  });

  it('when others are asked in full, then each carries its open items', async ({ org, acme }) => {
    await createOpportunity(org.admin, { name: 'Acme expansion', accountId: acme.id });
    const { body } = await org.admin.post<LookupResult>('/api/v1/lookup', {
      emails: ['someone@elsewhere.example', 'buyer@acme.co.uk', 'jane.doe@acme.co.uk'],
      others: 'full',
    });
    expect(body.address).toBe('jane.doe@acme.co.uk');
    const buyer = body.others.find((view) => view.address === 'buyer@acme.co.uk');
    expect(buyer).toMatchObject({ detail: 'full', match: 'account' });
    expect(buyer?.opportunities.map((deal) => deal.name)).toEqual(['Acme expansion']);
  });

  it('when only colleagues and a customer are on it, then the customer leads though unknown', async ({
    org,
  }) => {
    const { body } = await org.admin.post<LookupResult>('/api/v1/lookup', {
      emails: [`boss@${org.domain}`, 'not-an-address', 'new.person@startup.example'],
    });
    expect(body).toMatchObject({ address: 'new.person@startup.example', match: 'none', detail: 'full' });
  });

  it('when the body asks for more addresses than a message can carry, then answers 400 and says so', async ({
    org,
  }) => {
    const emails = Array.from({ length: 1002 }, (_, n) => `p${n}@many.example`);
    const { status, body } = await org.admin.post('/api/v1/lookup', { emails });
    expect(status).toBe(400);
    expect(body.error).toBe('validation_failed');
    const viaQuery = await lookup(
      org,
      emails
        .slice(0, 51)
        .map((email) => `email=${email}`)
        .join('&'),
    );
    expect(viaQuery.status).toBe(400);
  });
});

describe('lookups asked together', () => {
  it('when many people open messages at once, then their sender views share statements and each answer is as if asked alone', async ({
    org,
    testApp,
    jane,
  }) => {
    const { client: filer } = await org.addUser('member');
    await fileEmail(
      filer,
      emailToFile({ subject: 'Private terms', private: true, links: [{ type: 'contact', id: jane.id }] }),
    );
    const { client: colleague } = await org.addUser('member');
    const addresses = ['jane.doe@acme.co.uk', 'buyer@acme.co.uk', 'who@nowhere.example'];
    const asks = [org.admin, colleague, filer].flatMap((client) =>
      addresses.map((address) => ({ client, address })),
    );
    const ask = ({ client, address }: (typeof asks)[number]) =>
      client.get<LookupResult>(`/api/v1/lookup?email=${encodeURIComponent(address)}`);
    const alone = [];
    for (const one of asks) alone.push((await ask(one)).body);

    const statements: string[] = [];
    const count = (query: { sql: string }) => statements.push(query.sql);
    testApp.app.db.on('query', count);
    const together = await Promise.all([...asks, ...asks].map(ask));
    testApp.app.db.off('query', count);

    expect(together.map((reply) => reply.body)).toEqual([...alone, ...alone]);
    const senderViews = statements.filter((sql) => sql.includes('unnest('));
    expect(senderViews.length).toBeGreaterThan(0);
    expect(senderViews.length).toBeLessThan(together.length);
    // Shared statements keep each asker's visibility: the private email is the filer's and the admin's.
    const subjects = (body: LookupResult) => body.timeline.map((entry) => entry.subject);
    expect(subjects(together[0]!.body)).toContain('Private terms');
    expect(subjects(together[3]!.body)).not.toContain('Private terms');
    expect(subjects(together[6]!.body)).toContain('Private terms');
  });
});

describe('a reply and its thread', () => {
  const post = (org: TestOrganisation, body: object) => org.admin.post<LookupResult>('/api/v1/lookup', body);

  it('when a filed message is asked with its people, then its filing comes in the sender view’s own statement', async ({
    org,
    testApp,
    jane,
  }) => {
    const { user: filer, client } = await org.addUser('member', { name: 'Fiona Filer' });
    const messageId = uniqueMessageId();
    const filed = await fileEmail(
      client,
      emailToFile({ messageId, links: [{ type: 'contact', id: jane.id }] }),
    );
    const ask = { emails: ['jane.doe@acme.co.uk', 'someone@elsewhere.example'], messageId };
    await client.post('/api/v1/lookup', ask);

    const statements: string[] = [];
    const count = (query: { sql: string }) => statements.push(query.sql);
    testApp.app.db.on('query', count);
    const { status, body } = await client.post<LookupResult>('/api/v1/lookup', ask);
    testApp.app.db.off('query', count);

    expect(status).toBe(200);
    expect(body).toMatchObject({ match: 'contact', contact: { id: jane.id } });
    expect(body.filing).toMatchObject({
      filed: true,
      emailId: filed.body.id,
      filedBy: { id: filer.id, name: 'Fiona Filer' },
      links: [{ type: 'contact', id: jane.id, name: 'Jane Doe' }],
    });
    expect(Math.abs(Date.parse(body.filing!.filedAt!) - Date.now())).toBeLessThan(60_000);
    const filingAsked = statements.filter((sql) => sql.includes("'filed' AS source"));
    expect(filingAsked).toHaveLength(1);
    expect(filingAsked[0]).toContain('unnest(');
  });

  it('when only the mail client’s conversation ties a message to a filed one, then its records are offered for that mailbox only', async ({
    org,
    jane,
  }) => {
    await fileEmail(
      org.admin,
      emailToFile({ conversationId: 'AAQk-conv-1', links: [{ type: 'contact', id: jane.id }] }),
    );
    const reply = {
      emails: ['jane.doe@acme.co.uk'],
      messageId: uniqueMessageId(),
      conversationId: 'AAQk-conv-1',
    };
    const mine = await post(org, reply);
    expect(mine.body.filing).toMatchObject({
      filed: false,
      thread: 'conversation',
      internal: false,
      autoFile: false,
    });
    expect(mine.body.filing?.suggestedLinks.map((link) => link.id)).toEqual([jane.id]);
    // The same conversation id in a colleague's mailbox names another thread.
    const { client: colleague } = await org.addUser('member');
    const theirs = await colleague.post<LookupResult>('/api/v1/lookup', reply);
    expect(theirs.body.filing).toMatchObject({ thread: null, suggestedLinks: [] });
  });

  it('when the organisation files replies with their thread, then a customer’s reply is to be filed, and a colleague’s forward never is', async ({
    org,
    jane,
  }) => {
    const first = uniqueMessageId();
    await fileEmail(org.admin, emailToFile({ messageId: first, links: [{ type: 'contact', id: jane.id }] }));
    const reply = { messageId: uniqueMessageId(), inReplyTo: first };
    const off = await post(org, { ...reply, emails: ['jane.doe@acme.co.uk'] });
    expect(off.body.filing).toMatchObject({ thread: 'references', autoFile: false });

    const settings = await org.admin.get('/api/v1/organisation');
    expect(settings.body.autoFileThreads).toBe(false);
    const on = await org.admin.patch('/api/v1/organisation', {
      version: settings.body.version,
      autoFileThreads: true,
    });
    expect(on.body.autoFileThreads).toBe(true);
    // The settings are cached for a few seconds per instance; this instance forgot them on the write.
    const customer = await post(org, { ...reply, emails: ['jane.doe@acme.co.uk'] });
    expect(customer.body.filing).toMatchObject({ thread: 'references', internal: false, autoFile: true });

    const forward = await post(org, { ...reply, emails: [`boss@${org.domain}`, `pat@${org.domain}`] });
    expect(forward.body.filing).toMatchObject({ thread: 'references', internal: true, autoFile: false });
    expect(forward.body.filing?.suggestedLinks).toHaveLength(1);
  });

  it('when a colleague filed the reply privately, then it is not filed again on its own, and a filing for nobody is refused rather than added', async ({
    org,
    jane,
  }) => {
    const first = uniqueMessageId();
    await fileEmail(org.admin, emailToFile({ messageId: first, links: [{ type: 'contact', id: jane.id }] }));
    const settings = await org.admin.get('/api/v1/organisation');
    await org.admin.patch('/api/v1/organisation', { version: settings.body.version, autoFileThreads: true });
    const reply = uniqueMessageId();
    const { client: filer } = await org.addUser('member');
    await fileEmail(
      filer,
      emailToFile({
        messageId: reply,
        inReplyTo: first,
        private: true,
        links: [{ type: 'contact', id: jane.id }],
      }),
    );
    const { client: colleague } = await org.addUser('member');
    const seen = await colleague.post<LookupResult>('/api/v1/lookup', {
      emails: ['jane.doe@acme.co.uk'],
      messageId: reply,
      inReplyTo: first,
    });
    expect(seen.body.filing).toMatchObject({ filed: false, emailId: null, autoFile: false });
    const automatic = await colleague.post(
      '/api/v1/emails',
      emailToFile({
        messageId: reply,
        inReplyTo: first,
        onlyIfNew: true,
        links: [{ type: 'contact', id: jane.id }],
      }),
    );
    expect(automatic.status).toBe(409);
    expect(automatic.body.error).toBe('conflict');
  });
});

describe('lookup limits', () => {
  it('when every address of a large message is asked in full, then it is refused with how to ask', async ({
    org,
  }) => {
    const emails = Array.from({ length: 51 }, (_, n) => `p${n}@many.example`);
    const { status, body } = await org.admin.post('/api/v1/lookup', { emails, others: 'full' });
    expect(status).toBe(400);
    expect(body.message).toContain('others=brief');
  });
});
