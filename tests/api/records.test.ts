import { createAccount, createContact } from '../support/fixtures.js';
import { describe, expect, it } from '../support/suite.js';

describe('optimistic concurrency', () => {
  it('refuses a stale version with 409 and keeps the newer write', async ({ org }) => {
    const account = await createAccount(org.admin, { name: 'Initech' });
    const first = await org.admin.patch(`/api/v1/accounts/${account.id}`, {
      version: 1,
      industry: 'Software',
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await org.admin.patch(`/api/v1/accounts/${account.id}`, {
      version: 1,
      industry: 'Banking',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: 'stale_version',
      details: [{ currentVersion: 2, changedBy: 'Ada Admin' }],
    });
    expect(stale.body.message).toBe(
      'This account was changed by Ada Admin since you opened it; reload it to see the changes, then make yours again.',
    );
    expect((await org.admin.get(`/api/v1/accounts/${account.id}`)).body.industry).toBe('Software');
  });

  it('lets exactly one of two racing updates of the same version win', async ({ org }) => {
    const contact = await createContact(org.admin, { firstName: 'Ray', lastName: 'Race' });
    const replies = await Promise.all([
      org.admin.patch(`/api/v1/contacts/${contact.id}`, { version: 1, title: 'A' }),
      org.admin.patch(`/api/v1/contacts/${contact.id}`, { version: 1, title: 'B' }),
    ]);
    expect(replies.map((reply) => reply.status).sort((a, b) => a - b)).toEqual([200, 409]);
  });
});

describe('soft delete', () => {
  it('hides a deleted record, lists it in the trash, and restores it', async ({ org }) => {
    const contact = await createContact(org.admin, {
      firstName: 'Del',
      lastName: 'Eted',
      emails: ['del@eted.example'],
    });
    const deleted = await org.admin.delete(`/api/v1/contacts/${contact.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deletedAt).not.toBeNull();
    expect(
      (await org.admin.patch(`/api/v1/contacts/${contact.id}`, { version: deleted.body.version, title: 'x' }))
        .status,
    ).toBe(404);
    expect((await org.admin.get('/api/v1/lookup?email=del@eted.example')).body.match).toBe('none');
    const trash = await org.admin.get('/api/v1/contacts?deleted=true');
    expect(trash.body.items.map((item: { id: string }) => item.id)).toContain(contact.id);
    const restored = await org.admin.post(`/api/v1/contacts/${contact.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.deletedAt).toBeNull();
    expect((await org.admin.get('/api/v1/lookup?email=del@eted.example')).body.match).toBe('contact');
    expect((await org.admin.post(`/api/v1/contacts/${contact.id}/restore`)).status).toBe(404);
  });
});

describe('audit log', () => {
  it('records who changed what, with before and after', async ({ org }) => {
    const account = await createAccount(org.admin, { name: 'Audited' });
    await org.admin.patch(`/api/v1/accounts/${account.id}`, { version: 1, name: 'Audited Ltd' });
    const log = await org.admin.get(`/api/v1/audit-log?entityType=account&entityId=${account.id}`);
    expect(log.body.items.map((entry: { action: string }) => entry.action)).toEqual(['update', 'create']);
    expect(log.body.items[0]).toMatchObject({
      actorId: org.adminUser.id,
      before: { name: 'Audited' },
      after: { name: 'Audited Ltd', version: 2 },
    });
  });
});

describe('contacts', () => {
  it('keeps several addresses and E.164 phones, refusing an address another contact holds', async ({
    org,
  }) => {
    const contact = await createContact(org.admin, {
      firstName: 'Zoë',
      lastName: 'Æther',
      emails: ['Zoe@Aether.example', 'zoe.private@gmail.com', 'zoe@aether.example'],
      phones: [
        { number: '+1 (415) 555-2671', label: 'work' },
        { number: '+33 6 12 34 56 78', label: 'mobile' },
      ],
    });
    expect(contact.emails).toEqual(['zoe@aether.example', 'zoe.private@gmail.com']);
    expect(contact.phones).toEqual([
      { number: '+14155552671', label: 'work' },
      { number: '+33612345678', label: 'mobile' },
    ]);
    const clash = await org.admin.post('/api/v1/contacts', {
      lastName: 'Copy',
      emails: ['ZOE@aether.example'],
    });
    expect(clash.status).toBe(409);
    expect(clash.body.details).toEqual([{ email: 'zoe@aether.example', contactId: contact.id }]);
    const noName = await org.admin.post('/api/v1/contacts', { firstName: ' ', emails: ['a@b.example'] });
    expect(noName.status).toBe(400);
  });
});

describe('accounts', () => {
  it('keep their registrable domains and E.164 phone, and read back as written', async ({ org }) => {
    const created = await org.admin.post('/api/v1/accounts', {
      name: 'Acme Ltd',
      domains: ['mail.Acme.co.uk', 'acme.co.uk'],
      phone: '+44 20 7183 8750',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Acme Ltd',
      domains: ['acme.co.uk'],
      phone: '+442071838750',
      version: 1,
      deletedAt: null,
    });
    expect((await org.admin.get(`/api/v1/accounts/${created.body.id}`)).body).toEqual(created.body);
    const byDomain = await org.admin.get('/api/v1/accounts?domain=eu.mail.acme.co.uk');
    expect(byDomain.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
  });

  it('refuses a domain that another account holds, naming it', async ({ org }) => {
    const first = await createAccount(org.admin, { name: 'Domain Owner', domains: ['owned.example'] });
    const second = await org.admin.post('/api/v1/accounts', {
      name: 'Squatter',
      domains: ['www.owned.example'],
    });
    expect(second.status).toBe(409);
    expect(second.body.details).toEqual([{ domain: 'owned.example', accountId: first.id }]);
  });
});

describe('opportunities', () => {
  it('start in the first open stage, follow the stage they move to, and keep money as integers with a currency', async ({
    org,
  }) => {
    const stages = (await org.admin.get('/api/v1/pipeline-stages')).body.items as {
      id: string;
      name: string;
      kind: string;
      probability: number;
    }[];
    expect(stages.map((stage) => stage.name)).toEqual([
      'Lead',
      'Qualified',
      'Proposal',
      'Negotiation',
      'Closed won',
      'Closed lost',
    ]);
    const created = await org.admin.post('/api/v1/opportunities', {
      name: 'Big deal',
      amountMinor: 1999999,
      currency: 'EUR',
      closeDate: '2027-01-31',
    });
    expect(created.body).toMatchObject({
      stageId: stages[0]!.id,
      status: 'open',
      probability: 10,
      amountMinor: 1999999,
      currency: 'EUR',
      closeDate: '2027-01-31',
    });
    const won = await org.admin.patch(`/api/v1/opportunities/${created.body.id}`, {
      version: 1,
      stageId: stages[4]!.id,
    });
    expect(won.body).toMatchObject({ status: 'won', probability: 100 });
    const half = await org.admin.post('/api/v1/opportunities', { name: 'No currency', amountMinor: 100 });
    expect(half.status).toBe(400);
    const fractional = await org.admin.post('/api/v1/opportunities', {
      name: 'Float',
      amountMinor: 10.5,
      currency: 'EUR',
    });
    expect(fractional.status).toBe(400);
  });

  it('lets admins add stages and refuses others', async ({ org }) => {
    const { client: member } = await org.addUser('member');
    const stage = { name: 'Contract sent', position: 4, kind: 'open', probability: 90 };
    expect((await member.post('/api/v1/pipeline-stages', stage)).status).toBe(403);
    expect((await org.admin.post('/api/v1/pipeline-stages', stage)).status).toBe(201);
    expect(
      (await org.admin.post('/api/v1/pipeline-stages', { ...stage, name: 'contract SENT' })).status,
    ).toBe(409);
  });
});

describe('cases and tasks', () => {
  it('default a case to new and normal, and complete and reopen a task', async ({ org }) => {
    const kase = await org.admin.post('/api/v1/cases', { subject: 'Printer on fire' });
    expect(kase.body).toMatchObject({ status: 'new', priority: 'normal', ownerId: org.adminUser.id });
    const task = await org.admin.post('/api/v1/tasks', {
      title: 'Call back',
      caseId: kase.body.id,
      dueAt: '2026-12-01T09:00:00+01:00',
    });
    expect(task.body).toMatchObject({
      assigneeId: org.adminUser.id,
      done: false,
      dueAt: '2026-12-01T08:00:00.000Z',
      caseId: kase.body.id,
    });
    const done = await org.admin.patch(`/api/v1/tasks/${task.body.id}`, { version: 1, done: true });
    expect(done.body.done).toBe(true);
    expect(done.body.completedAt).not.toBeNull();
    const reopened = await org.admin.patch(`/api/v1/tasks/${task.body.id}`, { version: 2, done: false });
    expect(reopened.body.completedAt).toBeNull();
    const open = await org.admin.get(`/api/v1/tasks?caseId=${kase.body.id}&done=false`);
    expect(open.body.items.map((item: { id: string }) => item.id)).toEqual([task.body.id]);
  });
});

describe('lists', () => {
  it('page with cursors, newest first, without gaps or repeats', async ({ org }) => {
    const owner = await org.addUser('member');
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1)
      ids.push((await createAccount(owner.client, { name: `Paged ${index}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/accounts?ownerId=${owner.user.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await org.admin.get(query);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect((await org.admin.get('/api/v1/accounts?cursor=not-a-cursor')).status).toBe(400);
    expect((await org.admin.get('/api/v1/accounts?limit=1000')).status).toBe(400);
  });
});
