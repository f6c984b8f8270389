import { createAccount, createContact, emailToFile, fileEmail } from '../support/fixtures.js';
import { createTestOrganisation } from '../support/organisation.js';
import { describe, expect, test } from '../support/suite.js';

// Every test's organisation (ours) has a neighbour (theirs) with an account, a contact and an email.
const it = test
  .extend('theirs', ({ testApp }) => createTestOrganisation(testApp))
  .extend('theirAccount', { auto: true }, ({ theirs }) =>
    createAccount(theirs.admin, { name: 'Secret Corp', domains: ['secret-corp.example'] }),
  )
  .extend('theirContact', { auto: true }, ({ theirs, theirAccount }) =>
    createContact(theirs.admin, {
      firstName: 'Sec',
      lastName: 'Ret',
      accountId: theirAccount.id,
      emails: ['boss@secret-corp.example'],
    }),
  )
  .extend(
    'theirEmail',
    { auto: true },
    async ({ theirs, theirContact }) =>
      (await fileEmail(theirs.admin, emailToFile({ links: [{ type: 'contact', id: theirContact.id }] })))
        .body,
  );

describe('organisation isolation', () => {
  it('answers 404 for another organisation’s records, whatever the verb', async ({
    org: ours,
    theirs,
    theirAccount,
    theirContact,
    theirEmail,
  }) => {
    expect((await ours.admin.get(`/api/v1/accounts/${theirAccount.id}`)).status).toBe(404);
    expect(
      (
        await ours.admin.patch(`/api/v1/accounts/${theirAccount.id}`, {
          version: theirAccount.version,
          name: 'Mine',
        })
      ).status,
    ).toBe(404);
    expect((await ours.admin.delete(`/api/v1/accounts/${theirAccount.id}`)).status).toBe(404);
    expect((await ours.admin.get(`/api/v1/contacts/${theirContact.id}/timeline`)).status).toBe(404);
    expect((await ours.admin.get(`/api/v1/emails/${theirEmail.id}`)).status).toBe(404);
    expect(
      (await ours.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(theirEmail.messageId!)}`))
        .status,
    ).toBe(404);
    const untouched = await theirs.admin.get(`/api/v1/accounts/${theirAccount.id}`);
    expect(untouched.body).toMatchObject({ name: 'Secret Corp', version: 1, deletedAt: null });
  });

  it('refuses links and references into another organisation', async ({
    org: ours,
    theirs,
    theirAccount,
  }) => {
    const filing = await ours.admin.post(
      '/api/v1/emails',
      emailToFile({ links: [{ type: 'account', id: theirAccount.id }] }),
    );
    expect(filing.status).toBe(422);
    const contact = await ours.admin.post('/api/v1/contacts', {
      lastName: 'Spy',
      accountId: theirAccount.id,
    });
    expect(contact.status).toBe(422);
    const task = await ours.admin.post('/api/v1/tasks', { title: 'x', assigneeId: theirs.adminUser.id });
    expect(task.status).toBe(422);
  });

  it('never finds another organisation’s people in lookup, lists or search', async ({
    org: ours,
    theirAccount,
  }) => {
    const lookup = await ours.admin.get('/api/v1/lookup?email=boss@secret-corp.example');
    expect(lookup.body.match).toBe('none');
    expect((await ours.admin.get('/api/v1/contacts?email=boss@secret-corp.example')).body.items).toEqual([]);
    expect((await ours.admin.get('/api/v1/search?q=secret')).body.items).toEqual([]);
    expect(
      (await ours.admin.get('/api/v1/accounts?limit=100')).body.items.map((item: { id: string }) => item.id),
    ).not.toContain(theirAccount.id);
  });

  it('lets each organisation file the same message as its own email', async ({ org: ours, theirEmail }) => {
    const messageId = theirEmail.messageId!;
    const account = await createAccount(ours.admin, { name: 'Ours' });
    const ourFiling = await ours.admin.post(
      '/api/v1/emails',
      emailToFile({ messageId, links: [{ type: 'account', id: account.id }] }),
    );
    expect(ourFiling.status).toBe(201);
    expect(ourFiling.body.id).not.toBe(theirEmail.id);
  });
});
