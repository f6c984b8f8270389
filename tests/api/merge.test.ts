import type { Account, Contact, MergeMoves, PlanEnrollment } from '@inbox-crm/shared';
import {
  createAccount,
  createContact,
  createOpportunity,
  emailToFile,
  fileEmail,
} from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { createTestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';

const idsOf = (items: { id: string }[]) => items.map((item) => item.id).sort();

async function timelineIds(client: Client, path: string): Promise<string[]> {
  const reply = await client.get(`${path}/timeline?limit=50`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return idsOf(reply.body.items);
}

async function note(client: Client, body: string, links: { type: string; id: string }[]) {
  const reply = await client.post('/api/v1/activities', { type: 'note', body, links });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string };
}

const NO_MOVES: MergeMoves = {
  activities: 0,
  tasks: 0,
  opportunities: 0,
  cases: 0,
  planEnrollments: 0,
  contacts: 0,
  emailAddresses: 0,
  phones: 0,
  domains: 0,
  consents: 0,
};

describe('merging two contacts', () => {
  it('when merged, then the kept contact has the chosen fields, both sets of addresses and phones, and every email, note, task, deal and case', async ({
    org,
    rep,
  }) => {
    const acme = await createAccount(org.admin, { name: 'Acme', domains: ['acme-merge.example'] });
    const kept = await createContact(org.admin, {
      firstName: 'Jane',
      lastName: 'Doe',
      emails: ['jane@acme-merge.example'],
      phones: [{ number: '+44 20 7946 0001', label: 'work' }],
    });
    const duplicate = await createContact(rep.client, {
      firstName: 'Jane',
      lastName: 'Doe-Smith',
      title: 'Head of Procurement',
      accountId: acme.id,
      emails: ['jane.doe@gmail.com'],
      phones: [
        { number: '+44 20 7946 0001', label: 'work' },
        { number: '+44 7911 123456', label: 'mobile' },
      ],
    });
    const both = await fileEmail(
      org.admin,
      emailToFile({
        links: [
          { type: 'contact', id: kept.id },
          { type: 'contact', id: duplicate.id },
        ],
      }),
    );
    const onlyDuplicate = await fileEmail(
      rep.client,
      emailToFile({
        from: { email: 'jane.doe@gmail.com', name: 'Jane Doe' },
        links: [{ type: 'contact', id: duplicate.id }],
      }),
    );
    const call = await note(rep.client, 'Prefers mornings', [{ type: 'contact', id: duplicate.id }]);
    const keptNote = await note(org.admin, 'Met at the fair', [{ type: 'contact', id: kept.id }]);
    const deal = await createOpportunity(rep.client, { name: 'Fleet renewal', contactId: duplicate.id });
    const supportCase = (await rep.client.post('/api/v1/cases', { subject: 'Van', contactId: duplicate.id }))
      .body as { id: string };
    const task = (await rep.client.post('/api/v1/tasks', { title: 'Call Jane', contactId: duplicate.id }))
      .body as { id: string };

    const preview = await org.admin.get(
      `/api/v1/contacts/${kept.id}/merge-preview?duplicateId=${duplicate.id}`,
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const expectedMoves = {
      ...NO_MOVES,
      activities: 2,
      tasks: 1,
      opportunities: 1,
      cases: 1,
      emailAddresses: 1,
      phones: 1,
    };
    expect(preview.body.moves).toEqual(expectedMoves);

    const merged = await org.admin.post(`/api/v1/contacts/${kept.id}/merge`, {
      version: kept.version,
      duplicateId: duplicate.id,
      duplicateVersion: duplicate.version,
      takeFromDuplicate: ['title', 'accountId'],
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.moves).toEqual(expectedMoves);
    const survivor = merged.body.record as Contact;
    expect(survivor).toMatchObject({
      id: kept.id,
      firstName: 'Jane',
      lastName: 'Doe',
      title: 'Head of Procurement',
      accountId: acme.id,
      emails: ['jane@acme-merge.example', 'jane.doe@gmail.com'],
      phones: [
        { number: '+442079460001', label: 'work' },
        { number: '+447911123456', label: 'mobile' },
      ],
      mergedIntoId: null,
      version: kept.version + 1,
    });

    expect(await timelineIds(org.admin, `/api/v1/contacts/${kept.id}`)).toEqual(
      [both.body.id, onlyDuplicate.body.id, call.id, keptNote.id].sort(),
    );
    expect((await org.admin.get(`/api/v1/opportunities/${deal.id}`)).body.contactId).toBe(kept.id);
    expect((await org.admin.get(`/api/v1/cases/${supportCase.id}`)).body.contactId).toBe(kept.id);
    expect((await org.admin.get(`/api/v1/tasks/${task.id}`)).body.contactId).toBe(kept.id);

    const loser = await org.admin.get(`/api/v1/contacts/${duplicate.id}`);
    expect(loser.body).toMatchObject({ mergedIntoId: kept.id, emails: [], phones: [] });
    expect(loser.body.deletedAt).not.toBeNull();
    const lookup = await org.admin.get('/api/v1/lookup?email=jane.doe@gmail.com');
    expect(lookup.body.contact.id).toBe(kept.id);

    const trash = await org.admin.get('/api/v1/lists/contacts?deleted=true');
    expect(idsOf(trash.body.items)).not.toContain(duplicate.id);
    const restore = await org.admin.post(`/api/v1/contacts/${duplicate.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.body.message).toMatch(/merged into another/);

    const loserLog = await org.admin.get(`/api/v1/audit-log?entityType=contact&entityId=${duplicate.id}`);
    expect(loserLog.body.items[0]).toMatchObject({ action: 'merge', after: { mergedIntoId: kept.id } });
    const keptLog = await org.admin.get(`/api/v1/audit-log?entityType=contact&entityId=${kept.id}`);
    expect(keptLog.body.items.map((entry: { action: string }) => entry.action).slice(0, 2)).toEqual([
      'merge',
      'update',
    ]);
    expect(keptLog.body.items[0].after).toMatchObject({ duplicateId: duplicate.id, moves: expectedMoves });
  });

  it('when the duplicate changed since it was read, then refuses by name and moves nothing', async ({
    org,
    rep,
  }) => {
    const kept = await createContact(org.admin, { firstName: 'Sam', lastName: 'Stale' });
    const duplicate = await createContact(org.admin, { firstName: 'Sam', lastName: 'Stale' });
    const marker = await note(org.admin, 'On the duplicate', [{ type: 'contact', id: duplicate.id }]);
    const edited = await rep.client.patch(`/api/v1/contacts/${duplicate.id}`, {
      version: duplicate.version,
      title: 'Buyer',
    });
    expect(edited.status).toBe(200);

    const stale = await org.admin.post(`/api/v1/contacts/${kept.id}/merge`, {
      version: kept.version,
      duplicateId: duplicate.id,
      duplicateVersion: duplicate.version,
      takeFromDuplicate: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'stale_version', details: [{ changedBy: 'Ravi Rep' }] });
    expect(stale.body.message).toBe(
      'Sam Stale was changed by Ravi Rep since you opened it; reload it to see the changes, then make yours again.',
    );
    expect(await timelineIds(org.admin, `/api/v1/contacts/${duplicate.id}`)).toEqual([marker.id]);
    expect((await org.admin.get(`/api/v1/contacts/${duplicate.id}`)).body.deletedAt).toBeNull();
  });

  it('refuses a record merged with itself, one in the trash or in another organisation, and fields it does not have', async ({
    org,
    testApp,
  }) => {
    const contact = await createContact(org.admin, { firstName: 'Solo', lastName: 'One' });
    const trashed = await createContact(org.admin, { firstName: 'Gone', lastName: 'One' });
    const deleted = await org.admin.delete(`/api/v1/contacts/${trashed.id}`);
    const other = await createTestOrganisation(testApp);
    const outsider = await createContact(other.admin, { firstName: 'Other', lastName: 'Org' });
    const merge = (duplicateId: string, duplicateVersion: number, take: string[] = []) =>
      org.admin.post(`/api/v1/contacts/${contact.id}/merge`, {
        version: contact.version,
        duplicateId,
        duplicateVersion,
        takeFromDuplicate: take,
      });

    const self = await merge(contact.id, contact.version);
    expect(self.status).toBe(422);
    expect(self.body).toMatchObject({
      error: 'same_record',
      message: 'A contact cannot be merged with itself.',
    });
    const gone = await merge(trashed.id, deleted.body.version);
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe('The duplicate contact was not found.');
    expect((await merge(outsider.id, outsider.version)).status).toBe(404);
    expect((await other.admin.get(`/api/v1/contacts/${outsider.id}`)).body.deletedAt).toBeNull();
    const wrongField = await merge(trashed.id, 1, ['name']);
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error).toBe('validation_failed');
  });

  it('when a contact already merged is the duplicate of a later merge, then its pointer follows to the last one kept', async ({
    org,
  }) => {
    const [first, second, third] = await Promise.all(
      ['First', 'Second', 'Third'].map((lastName) =>
        createContact(org.admin, { firstName: 'Chain', lastName }),
      ),
    );
    const merge = async (kept: Contact, duplicate: Contact) => {
      const [current, dup] = await Promise.all([
        org.admin.get(`/api/v1/contacts/${kept.id}`),
        org.admin.get(`/api/v1/contacts/${duplicate.id}`),
      ]);
      const reply = await org.admin.post(`/api/v1/contacts/${kept.id}/merge`, {
        version: current.body.version,
        duplicateId: duplicate.id,
        duplicateVersion: dup.body.version,
        takeFromDuplicate: [],
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    };
    await merge(second!, first!);
    await merge(third!, second!);
    expect((await org.admin.get(`/api/v1/contacts/${first!.id}`)).body.mergedIntoId).toBe(third!.id);
    expect((await org.admin.get(`/api/v1/contacts/${second!.id}`)).body.mergedIntoId).toBe(third!.id);
  });

  it("when both run the same plan, then the kept contact's run goes on and the duplicate's stops; a plan only the duplicate runs moves over", async ({
    org,
  }) => {
    const plan = async (name: string) => {
      const reply = await org.admin.post('/api/v1/engagement-plans', {
        name,
        recordType: 'contact',
        steps: [{ day: 1, type: 'call', title: `${name} call` }],
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body.id as string;
    };
    const [shared, own] = [await plan('Welcome'), await plan('Win back')];
    const kept = await createContact(org.admin, { firstName: 'Plan', lastName: 'Kept' });
    const duplicate = await createContact(org.admin, { firstName: 'Plan', lastName: 'Dup' });
    const enrol = (planId: string, recordId: string) =>
      org.admin.post(`/api/v1/engagement-plans/${planId}/enrollments`, { recordType: 'contact', recordId });
    expect((await enrol(shared, kept.id)).status).toBe(201);
    expect((await enrol(shared, duplicate.id)).status).toBe(201);
    expect((await enrol(own, duplicate.id)).status).toBe(201);

    const merged = await org.admin.post(`/api/v1/contacts/${kept.id}/merge`, {
      version: kept.version,
      duplicateId: duplicate.id,
      duplicateVersion: duplicate.version,
      takeFromDuplicate: [],
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const runs = async (recordId: string) =>
      (await org.admin.get(`/api/v1/plan-enrollments?recordType=contact&recordId=${recordId}`)).body
        .items as PlanEnrollment[];
    const keptRuns = await runs(kept.id);
    expect(keptRuns.map((run) => [run.planName, run.status]).sort()).toEqual([
      ['Welcome', 'active'],
      ['Win back', 'active'],
    ]);
    expect((await runs(duplicate.id)).map((run) => [run.planName, run.status, run.stopReason])).toEqual([
      ['Welcome', 'stopped', 'record_deleted'],
    ]);
  });
});

describe('merging two accounts', () => {
  it("when merged, then the kept account has both sets of domains, the duplicate's contacts, deals and mail, and its senders are recognised", async ({
    org,
  }) => {
    const kept = await createAccount(org.admin, { name: 'Globex', domains: ['globex-a.example'] });
    const duplicate = await createAccount(org.admin, {
      name: 'Globex Corporation',
      domains: ['globex-b.example'],
      industry: 'Manufacturing',
      website: 'https://www.globex-b.example',
    });
    const person = await createContact(org.admin, {
      firstName: 'Hank',
      lastName: 'Scorpio',
      accountId: duplicate.id,
    });
    const deal = await createOpportunity(org.admin, { name: 'Doomsday device', accountId: duplicate.id });
    const filed = await fileEmail(org.admin, emailToFile({ links: [{ type: 'account', id: duplicate.id }] }));

    const merged = await org.admin.post(`/api/v1/accounts/${kept.id}/merge`, {
      version: kept.version,
      duplicateId: duplicate.id,
      duplicateVersion: duplicate.version,
      takeFromDuplicate: ['industry', 'website'],
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.moves).toEqual({
      ...NO_MOVES,
      activities: 1,
      contacts: 1,
      opportunities: 1,
      domains: 1,
    });
    expect(merged.body.record as Account).toMatchObject({
      name: 'Globex',
      industry: 'Manufacturing',
      website: 'https://www.globex-b.example',
      domains: ['globex-a.example', 'globex-b.example'],
    });
    expect((await org.admin.get(`/api/v1/contacts/${person.id}`)).body.accountId).toBe(kept.id);
    expect((await org.admin.get(`/api/v1/opportunities/${deal.id}`)).body.accountId).toBe(kept.id);
    expect(await timelineIds(org.admin, `/api/v1/accounts/${kept.id}`)).toEqual([filed.body.id]);
    const lookup = await org.admin.get('/api/v1/lookup?email=someone@globex-b.example');
    expect(lookup.body).toMatchObject({ match: 'account', account: { id: kept.id } });
    const found = await org.admin.get('/api/v1/lists/accounts?q=globex');
    expect(idsOf(found.body.items)).toEqual([kept.id]);
  });
});

describe('possible duplicates', () => {
  it('suggests contacts with the same name, the same phone, or the same last name and initial at the same account', async ({
    org,
    rep,
  }) => {
    const acme = await createAccount(org.admin, { name: 'Acme Dup' });
    const jane = await createContact(org.admin, {
      firstName: 'Jane',
      lastName: 'Doe',
      accountId: acme.id,
      phones: [{ number: '+44 20 7946 0999' }],
    });
    const sameName = await createContact(org.admin, { firstName: 'jane', lastName: 'DOE' });
    const samePhone = await createContact(org.admin, {
      firstName: 'J',
      lastName: 'Dee',
      phones: [{ number: '+442079460999' }],
    });
    const initial = await createContact(org.admin, { firstName: 'J.', lastName: 'Doe', accountId: acme.id });
    const gone = await createContact(org.admin, { firstName: 'Jane', lastName: 'Doe' });
    await org.admin.delete(`/api/v1/contacts/${gone.id}`);
    await createContact(org.admin, { firstName: 'Janet', lastName: 'Dough' });

    const reply = await rep.client.get(`/api/v1/contacts/${jane.id}/duplicates`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const reasons = Object.fromEntries(
      (reply.body.items as { record: Contact; reasons: string[] }[]).map((item) => [
        item.record.id,
        item.reasons,
      ]),
    );
    expect(reasons).toEqual({
      [sameName.id]: ['same_name'],
      [samePhone.id]: ['same_phone'],
      [initial.id]: ['same_initial_at_account'],
    });
  });

  it("suggests accounts named the same but for their legal form, with the same phone, or a website on the account's domain — never another organisation's", async ({
    org,
    testApp,
  }) => {
    const acme = await createAccount(org.admin, {
      name: 'Acme, Inc.',
      domains: ['acme-dup.example'],
      phone: '+1 212 555 0100',
    });
    const ltd = await createAccount(org.admin, { name: 'ACME Ltd' });
    const exact = await createAccount(org.admin, { name: 'acme, inc.' });
    const phone = await createAccount(org.admin, { name: 'Road Runner', phone: '+12125550100' });
    const website = await createAccount(org.admin, {
      name: 'Wile E.',
      website: 'http://www.acme-dup.example/shop',
    });
    await createAccount(org.admin, { name: 'Acme Rockets' });
    const other = await createTestOrganisation(testApp);
    await createAccount(other.admin, { name: 'Acme Inc' });

    const reply = await org.admin.get(`/api/v1/accounts/${acme.id}/duplicates`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const reasons = Object.fromEntries(
      (reply.body.items as { record: Account; reasons: string[] }[]).map((item) => [
        item.record.id,
        item.reasons,
      ]),
    );
    expect(reasons).toEqual({
      [ltd.id]: ['similar_name'],
      [exact.id]: ['same_name'],
      [phone.id]: ['same_phone'],
      [website.id]: ['same_web_domain'],
    });
    expect((await other.admin.get(`/api/v1/accounts/${acme.id}/duplicates`)).status).toBe(404);
  });
});
