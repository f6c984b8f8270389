import type { ContactConsents, FormConsentResult, LookupResult } from '@inbox-crm/shared';
import { createAccount, createContact } from '../support/fixtures.js';
import { Client } from '../support/http.js';
import { createTestOrganisation, type TestOrganisation } from '../support/organisation.js';
import type { TestApp } from '../support/test-app.js';
import { describe, expect, it } from '../support/suite.js';

const OPT_IN = {
  purpose: 'newsletter',
  state: 'opt_in',
  source: 'Trade show sign-up sheet',
  wording: 'Send me the monthly newsletter.',
};

async function newContact(org: TestOrganisation, email: string) {
  return createContact(org.admin, { firstName: 'Jane', lastName: 'Doe', emails: [email] });
}

/** The website's server, calling with a consent-only API token of the person who set the form up. */
async function integration(testApp: TestApp, client: Client): Promise<Client> {
  const created = await client.post('/api/v1/api-tokens', { name: 'Website forms', scope: 'consent' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return new Client(testApp.app, created.body.token);
}

describe('a contact’s consent ledger', () => {
  it('when answers are recorded, then the history keeps each one newest first and the current answer is the latest given', async ({
    org,
    rep,
  }) => {
    const jane = await newContact(org, 'jane@ledger.example');
    const path = `/api/v1/contacts/${jane.id}/consents`;

    const optIn = await rep.client.post(path, { ...OPT_IN, givenAt: '2026-01-10T09:00:00Z' });
    expect(optIn.status, JSON.stringify(optIn.body)).toBe(201);
    expect(optIn.body).toMatchObject({
      purpose: 'newsletter',
      state: 'opt_in',
      lawfulBasis: 'consent',
      wording: 'Send me the monthly newsletter.',
      email: 'jane@ledger.example',
      givenAt: '2026-01-10T09:00:00.000Z',
      recordedBy: { name: 'Ravi Rep' },
    });
    const optOut = await org.admin.post(path, {
      purpose: 'newsletter',
      state: 'opt_out',
      source: 'Phone call',
      givenAt: '2026-03-01T12:00:00Z',
    });
    expect(optOut.status, JSON.stringify(optOut.body)).toBe(201);
    expect(optOut.body.lawfulBasis).toBeNull();
    // Recorded last, but given before the opt-out: history, not the current answer.
    const late = await org.admin.post(path, {
      purpose: 'newsletter',
      state: 'soft_opt_in',
      source: 'Existing customer, told how to refuse on the invoice',
      givenAt: '2026-02-01T08:00:00Z',
    });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    expect(late.body.lawfulBasis).toBe('legitimate_interests');
    const calls = await org.admin.post(path, {
      purpose: 'phone_calls',
      state: 'opt_in',
      lawfulBasis: 'contract',
      source: 'Support contract',
      wording: 'Call me about my support tickets.',
    });
    expect(calls.status, JSON.stringify(calls.body)).toBe(201);

    const { status, body } = await org.admin.get<ContactConsents>(path);
    expect(status).toBe(200);
    expect(body.current).toEqual([
      { purpose: 'newsletter', state: 'opt_out', givenAt: '2026-03-01T12:00:00.000Z' },
      { purpose: 'phone_calls', state: 'opt_in', givenAt: calls.body.givenAt },
    ]);
    expect(body.history.map((entry) => [entry.purpose, entry.state])).toEqual([
      ['phone_calls', 'opt_in'],
      ['newsletter', 'opt_out'],
      ['newsletter', 'soft_opt_in'],
      ['newsletter', 'opt_in'],
    ]);
    expect(body.moreHistory).toBe(false);
  });

  it('when an answer breaks the ledger’s rules, then it is refused with the field at fault and nothing is kept', async ({
    org,
    testApp,
  }) => {
    const jane = await newContact(org, 'jane@rules.example');
    const path = `/api/v1/contacts/${jane.id}/consents`;
    const refusals: [object, string][] = [
      [{ ...OPT_IN, wording: '  ' }, '/wording'],
      [{ ...OPT_IN, state: 'soft_opt_in', lawfulBasis: 'consent' }, '/lawfulBasis'],
      [{ ...OPT_IN, state: 'opt_out', lawfulBasis: 'consent' }, '/lawfulBasis'],
      [{ ...OPT_IN, givenAt: new Date(Date.now() + 86_400_000).toISOString() }, '/givenAt'],
      [{ ...OPT_IN, givenAt: '2026-06-30T23:59:60Z' }, '/givenAt'],
      [{ ...OPT_IN, email: 'someone.else@rules.example' }, '/email'],
    ];
    for (const [body, field] of refusals) {
      const reply = await org.admin.post(path, body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(400);
      expect(reply.body.error).toBe('validation_failed');
      expect(reply.body.details).toEqual([expect.objectContaining({ path: field })]);
    }
    const unknownPurpose = await org.admin.post(path, { ...OPT_IN, purpose: 'carrier_pigeons' });
    expect(unknownPurpose.status).toBe(400);
    const count = await testApp.database
      .knex('consent_entries')
      .where({ org_id: org.orgId })
      .count<{ count: string }[]>('* as count');
    expect(Number(count[0]!.count)).toBe(0);
  });

  it('when another organisation asks for the contact’s consents or records one, then the contact is not found', async ({
    org,
    testApp,
  }) => {
    const jane = await newContact(org, 'jane@private-ledger.example');
    const other = await createTestOrganisation(testApp);
    const path = `/api/v1/contacts/${jane.id}/consents`;
    expect((await other.admin.get(path)).status).toBe(404);
    expect((await other.admin.post(path, OPT_IN)).status).toBe(404);
    expect((await org.anonymous.get(path)).status).toBe(401);
  });
});

describe('consent from a website form', () => {
  it('when a form sends an address the CRM does not hold, then a contact is made at its company and each purpose gets the answer', async ({
    org,
    rep,
    testApp,
  }) => {
    const acme = await createAccount(org.admin, { name: 'Acme', domains: ['acme-forms.example'] });
    const website = await integration(testApp, rep.client);
    const first = await website.post<FormConsentResult>('/api/v1/consents', {
      email: 'New.Person@mail.acme-forms.example',
      firstName: 'New',
      lastName: 'Person',
      purposes: ['newsletter', 'marketing_email'],
      state: 'opt_in',
      source: 'acme.example/newsletter',
      wording: 'Yes, send me news and offers.',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.contactCreated).toBe(true);
    expect(first.body.entries.map((entry) => entry.purpose)).toEqual(['marketing_email', 'newsletter']);
    const contact = await org.admin.get(`/api/v1/contacts/${first.body.contactId}`);
    expect(contact.body).toMatchObject({
      name: 'New Person',
      emails: ['new.person@mail.acme-forms.example'],
      accountId: acme.id,
    });

    const again = await website.post<FormConsentResult>('/api/v1/consents', {
      email: 'new.person@mail.acme-forms.example',
      purposes: ['newsletter'],
      state: 'opt_out',
      source: 'acme.example/unsubscribe',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ contactId: first.body.contactId, contactCreated: false });
    const consents = await org.admin.get<ContactConsents>(
      `/api/v1/contacts/${first.body.contactId}/consents`,
    );
    expect(consents.body.current.map((answer) => [answer.purpose, answer.state])).toEqual([
      ['marketing_email', 'opt_in'],
      ['newsletter', 'opt_out'],
    ]);
    expect(consents.body.history[0]!.recordedBy?.name).toBe('Ravi Rep');
  });

  it('when a website form’s token asks for anything but recording consent, then it is refused, and a full token is not', async ({
    org,
    testApp,
  }) => {
    const website = await integration(testApp, org.admin);
    const recorded = await website.post('/api/v1/consents', {
      email: 'only.consent@forms-scope.example',
      purposes: ['newsletter'],
      state: 'opt_in',
      source: 'forms-scope.example',
      wording: 'Send me the newsletter.',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    for (const refused of [
      await website.get('/api/v1/contacts'),
      await website.get(`/api/v1/contacts/${(recorded.body as FormConsentResult).contactId}/consents`),
      await website.post('/api/v1/api-tokens', { name: 'Escalate' }),
      await website.post('/api/v1/contacts', { firstName: 'Not', emails: ['not@forms-scope.example'] }),
    ]) {
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/only record consent/);
    }

    const full = await org.admin.post('/api/v1/api-tokens', { name: 'Reporting' });
    expect((await new Client(testApp.app, full.body.token).get('/api/v1/contacts')).status).toBe(200);
    const listed = await org.admin.get<{ items: { name: string; scope: string }[] }>('/api/v1/api-tokens');
    expect(listed.body.items.map((token) => [token.name, token.scope])).toEqual([
      ['Reporting', 'full'],
      ['Website forms', 'consent'],
    ]);
  });

  it('when the same new address is sent by twenty forms at once, then one contact holds all their answers', async ({
    org,
    testApp,
  }) => {
    const website = await integration(testApp, org.admin);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        website.post<FormConsentResult>('/api/v1/consents', {
          email: 'racer@forms-race.example',
          purposes: [index % 2 === 0 ? 'newsletter' : 'marketing_email'],
          state: 'opt_in',
          source: 'Landing page',
          wording: 'Keep me posted.',
        }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(201));
    expect(new Set(replies.map((reply) => reply.body.contactId)).size).toBe(1);
    expect(replies.filter((reply) => reply.body.contactCreated)).toHaveLength(1);
    const consents = await org.admin.get<ContactConsents>(
      `/api/v1/contacts/${replies[0]!.body.contactId}/consents`,
    );
    expect(consents.body.history).toHaveLength(20);
  });

  it('when a form sends no usable answer, then it is refused and no contact is made', async ({
    org,
    testApp,
  }) => {
    const website = await integration(testApp, org.admin);
    const bad = [
      { email: 'not-an-address', purposes: ['newsletter'], state: 'opt_out', source: 'Form' },
      { email: 'a@b.example', purposes: [], state: 'opt_out', source: 'Form' },
      { email: 'a@b.example', purposes: ['newsletter', 'newsletter'], state: 'opt_out', source: 'Form' },
      { email: 'a@b.example', purposes: ['newsletter'], state: 'opt_in', source: 'Form' },
      { email: 'a@b.example', purposes: ['newsletter'], state: 'opt_out', source: '' },
    ];
    for (const body of bad) {
      const reply = await website.post('/api/v1/consents', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
    }
    const found = await org.admin.get('/api/v1/contacts?email=a@b.example');
    expect(found.body.items).toEqual([]);
  });
});

describe('consent where people work', () => {
  it('when a contact has answers, then the sender view carries them and lists filter by them', async ({
    org,
  }) => {
    const yes = await newContact(org, 'yes@filter.example');
    const soft = await newContact(org, 'soft@filter.example');
    const no = await newContact(org, 'no@filter.example');
    await newContact(org, 'silent@filter.example');
    const answer = (id: string, state: string) =>
      org.admin.post(`/api/v1/contacts/${id}/consents`, { ...OPT_IN, purpose: 'marketing_email', state });
    expect((await answer(yes.id, 'opt_in')).status).toBe(201);
    expect((await answer(soft.id, 'soft_opt_in')).status).toBe(201);
    expect((await answer(no.id, 'opt_out')).status).toBe(201);

    const view = await org.admin.get<LookupResult>('/api/v1/lookup?email=soft@filter.example');
    expect(view.body.contact?.consents).toEqual([{ purpose: 'marketing_email', state: 'soft_opt_in' }]);
    const unanswered = await org.admin.get<LookupResult>('/api/v1/lookup?email=silent@filter.example');
    expect(unanswered.body.contact?.consents).toEqual([]);

    const listed = async (consent: string) => {
      const reply = await org.admin.get(`/api/v1/lists/contacts?consent=${consent}&sort=name`);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return (reply.body.items as { email: string }[]).map((row) => row.email).sort();
    };
    expect(await listed('marketing_email:opt_in')).toEqual(['yes@filter.example']);
    expect(await listed('marketing_email:allowed')).toEqual(['soft@filter.example', 'yes@filter.example']);
    expect(await listed('marketing_email:opt_out')).toEqual(['no@filter.example']);
    expect(await listed('marketing_email:none')).toEqual(['silent@filter.example']);
    expect(await listed('newsletter:none')).toHaveLength(4);
    expect((await org.admin.get('/api/v1/lists/contacts?consent=newsletter:maybe')).status).toBe(400);
  });
});

describe('consent through a merge', () => {
  it('when a duplicate is merged, then its answers join the kept contact’s history and the one given last stands', async ({
    org,
  }) => {
    const kept = await newContact(org, 'kept@merge-consent.example');
    const duplicate = await newContact(org, 'dup@merge-consent.example');
    const answer = (id: string, state: string, givenAt: string) =>
      org.admin.post(`/api/v1/contacts/${id}/consents`, { ...OPT_IN, state, givenAt });
    expect((await answer(kept.id, 'opt_in', '2026-01-01T00:00:00Z')).status).toBe(201);
    expect((await answer(duplicate.id, 'opt_out', '2026-02-01T00:00:00Z')).status).toBe(201);

    const preview = await org.admin.get(
      `/api/v1/contacts/${kept.id}/merge-preview?duplicateId=${duplicate.id}`,
    );
    expect(preview.body.moves.consents).toBe(1);
    const merged = await org.admin.post(`/api/v1/contacts/${kept.id}/merge`, {
      version: kept.version,
      duplicateId: duplicate.id,
      duplicateVersion: duplicate.version,
      takeFromDuplicate: [],
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const consents = await org.admin.get<ContactConsents>(`/api/v1/contacts/${kept.id}/consents`);
    expect(consents.body.current).toEqual([
      { purpose: 'newsletter', state: 'opt_out', givenAt: '2026-02-01T00:00:00.000Z' },
    ]);
    expect(consents.body.history).toHaveLength(2);
  });
});
