import type { SearchGroups } from '@inbox-crm/shared';
import { createAccount, createContact, createOpportunity } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { createTestOrganisation } from '../support/organisation.js';
import type { TestApp } from '../support/test-app.js';
import { describe, expect, it } from '../support/suite.js';

async function groups(client: Client, q: string): Promise<SearchGroups> {
  const reply = await client.get<SearchGroups>(`/api/v1/search/groups?q=${encodeURIComponent(q)}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

const names = (group: { items: { name: string }[] }) => group.items.map((hit) => hit.name);

/** Adds `count` contacts straight to the table (the API would take minutes): "<first> <n> <last>". */
async function insertContacts(testApp: TestApp, orgId: string, count: number, first: string, last: string) {
  await testApp.database.knex.raw(
    `INSERT INTO contacts (org_id, id, first_name, last_name, search_text)
     SELECT ?, gen_random_uuid(), ? || ' ' || g, ?, lower(? || ' ' || g || ' ' || ?) FROM generate_series(1, ?) g`,
    [orgId, first, last, first, last, count],
  );
}

describe('search grouped by record type', () => {
  it('answers each type’s best matches with their second line and how many match, as the lists count them', async ({
    org,
  }) => {
    const northwind = await createAccount(org.admin, {
      name: 'Northwind Traders',
      domains: ['northwind.example'],
    });
    await createAccount(org.admin, {
      name: 'Blue Harbor',
      domains: ['blueharbor.example'],
      industry: 'Northwind supply',
    });
    const nora = await createContact(org.admin, {
      firstName: 'Nora',
      lastName: 'Lind',
      accountId: northwind.id,
      emails: ['nora@northwind.example'],
    });
    const stages = (await org.admin.get('/api/v1/pipeline-stages')).body.items as {
      id: string;
      name: string;
    }[];
    await createOpportunity(org.admin, {
      name: 'Northwind renewal',
      accountId: northwind.id,
      stageId: stages[1]!.id,
    });
    await org.admin.post('/api/v1/cases', { subject: 'Northwind invoice wrong', accountId: northwind.id });

    const found = await groups(org.admin, 'northw');
    // A name starting with the query comes before a record that only has the word elsewhere.
    expect(found.accounts).toEqual({
      items: [
        { id: northwind.id, name: 'Northwind Traders', domain: 'northwind.example' },
        { id: expect.any(String), name: 'Blue Harbor', domain: 'blueharbor.example' },
      ],
      total: { value: 2, capped: false },
    });
    expect(found.contacts).toEqual({
      items: [
        {
          id: nora.id,
          name: 'Nora Lind',
          email: 'nora@northwind.example',
          account: { id: northwind.id, name: 'Northwind Traders' },
        },
      ],
      total: { value: 1, capped: false },
    });
    expect(found.opportunities.items).toEqual([
      {
        id: expect.any(String),
        name: 'Northwind renewal',
        stage: stages[1]!.name,
        status: 'open',
        account: { id: northwind.id, name: 'Northwind Traders' },
      },
    ]);
    expect(found.cases.items).toEqual([
      {
        id: expect.any(String),
        name: 'Northwind invoice wrong',
        status: 'new',
        account: { id: northwind.id, name: 'Northwind Traders' },
      },
    ]);

    // "Show all" opens the list filtered by the same words: it holds exactly the counted rows.
    for (const list of ['accounts', 'contacts', 'opportunities', 'cases'] as const) {
      const page = await org.admin.get(`/api/v1/lists/${list}?q=northw`);
      expect(page.body.total, list).toEqual(found[list].total);
    }
    expect((await groups(org.admin, 'zzz')).accounts).toEqual({
      items: [],
      total: { value: 0, capped: false },
    });
  });

  it('finds accounts for a one-letter query, names starting with it first, however many newer records share a word', async ({
    org,
  }) => {
    const acme = await createAccount(org.admin, { name: 'Acme', domains: ['acme.example'] });
    // Newer accounts with a word starting with "a" elsewhere: they used to push Acme out of the answer.
    for (let n = 1; n <= 22; n += 1) {
      await createAccount(org.admin, { name: `Zenith ${n}`, industry: 'Aerospace' });
    }
    const alice = await createContact(org.admin, { firstName: 'Alice', lastName: 'Young' });

    const found = await groups(org.admin, 'A');
    expect(found.accounts.items[0]).toEqual({ id: acme.id, name: 'Acme', domain: 'acme.example' });
    expect(found.accounts.items).toHaveLength(5);
    expect(found.accounts.total).toEqual({ value: 23, capped: false });
    expect(found.contacts.items.map((hit) => hit.id)).toEqual([alice.id]);

    // The pane's and the Gmail add-on's search find it too.
    const flat = (await org.admin.get('/api/v1/search?q=a&type=account&limit=5')).body.items as {
      id: string;
    }[];
    expect(flat[0]!.id).toBe(acme.id);
    const picker = (await org.admin.get('/api/v1/search?q=A')).body.items as { id: string }[];
    expect(picker.map((hit) => hit.id)).toEqual(expect.arrayContaining([acme.id, alice.id]));
  });

  it('counts many matches up to the cap and still puts names starting with the query first', async ({
    org,
    testApp,
  }) => {
    await insertContacts(testApp, org.orgId, 10_050, 'Bulk', 'Common');
    await insertContacts(testApp, org.orgId, 1_200, 'Late', 'Tail');
    await insertContacts(testApp, org.orgId, 40, 'Rare', 'Tailor');

    const bulk = await groups(org.admin, 'bulk');
    expect(bulk.contacts.total).toEqual({ value: 10_000, capped: true });
    expect(bulk.contacts.items).toHaveLength(5);
    expect(names(bulk.contacts).every((name) => name.startsWith('Bulk '))).toBe(true);

    const common = await groups(org.admin, 'common');
    expect(common.contacts.total).toEqual({ value: 10_000, capped: true });
    expect(common.contacts.items).toHaveLength(5);

    const tail = await groups(org.admin, 'tail');
    expect(tail.contacts.total).toEqual({ value: 1_240, capped: false });
    expect(names(tail.contacts).every((name) => /^(Late|Rare) \d+ Tail(or)?$/.test(name))).toBe(true);
    expect(tail.contacts.items).toHaveLength(5);

    const rare = await groups(org.admin, 'rare tailor');
    expect(rare.contacts.total).toEqual({ value: 40, capped: false });
    expect(names(rare.contacts).every((name) => name.startsWith('Rare '))).toBe(true);
    expect((await org.admin.get('/api/v1/lists/contacts?q=tail')).body.total).toEqual(tail.contacts.total);
  });

  it('leaves out deleted records and other organisations’ records', async ({ org, testApp }) => {
    const theirs = await createTestOrganisation(testApp);
    await createAccount(theirs.admin, { name: 'Quokka Foods' });
    await createContact(theirs.admin, { firstName: 'Quinn', lastName: 'Quokka' });
    const kept = await createAccount(org.admin, { name: 'Quokka Kept' });
    const gone = await createAccount(org.admin, { name: 'Quokka Gone' });
    expect((await org.admin.delete(`/api/v1/accounts/${gone.id}`)).status).toBe(200);

    const found = await groups(org.admin, 'quokka');
    expect(found.accounts).toEqual({
      items: [{ id: kept.id, name: 'Quokka Kept', domain: null }],
      total: { value: 1, capped: false },
    });
    expect(found.contacts.total).toEqual({ value: 0, capped: false });
    expect((await groups(theirs.admin, 'quokka')).accounts.total).toEqual({ value: 1, capped: false });
  });

  it('refuses an empty, too long or unknown query with a JSON reason, and answers nothing for words it cannot search', async ({
    org,
  }) => {
    for (const query of ['q=', '', `q=${'a'.repeat(201)}`, 'q=acme&limit=0', 'q=acme&type=account']) {
      const reply = await org.admin.get(`/api/v1/search/groups?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body).toMatchObject({ error: 'validation_failed', message: expect.any(String) });
    }
    expect((await org.anonymous.get('/api/v1/search/groups?q=acme')).status).toBe(401);
    const punctuation = await groups(org.admin, '&|!');
    expect(punctuation.cases).toEqual({ items: [], total: { value: 0, capped: false } });
  });
});
