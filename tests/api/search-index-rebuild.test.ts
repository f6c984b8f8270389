import { runMigrations } from '@inbox-crm/server';
import { createContact, emailToFile, fileEmail } from '../support/fixtures.js';
import { describe, expect, it, test } from '../support/suite.js';

// This file rebuilds the whole search index, so it has a database of its own.
test.override('appOptions', { isolated: true });

describe('rebuilding the search index', () => {
  it('when the documents are older than the server’s, then migrating rebuilds them in batches; an interrupted rebuild resumes where it stopped', async ({
    org,
    testApp,
  }) => {
    const knex = testApp.database.knex;
    const contact = await createContact(org.admin, {
      lastName: 'Rebuilt',
      emails: ['rebuilt@customer.example'],
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { body } = await fileEmail(
        org.admin,
        emailToFile({ subject: `Pallet order ${i}`, links: [{ type: 'contact', id: contact.id }] }),
      );
      ids.push(body.id);
    }
    const found = async () =>
      ((await org.admin.get('/api/v1/search/activities?q=pallet&sort=newest')).body.items as { id: string }[])
        .map((hit) => hit.id)
        .sort();

    // As after a change to the folding rules: rows made by an older version (here: none at all).
    await knex('activity_search').delete();
    await knex('search_index_state').update({ version: 0 });
    expect(await found()).toEqual([]);

    // A rebuild stopped after the second activity: resuming leaves the first two as they were.
    const sorted = [...ids].sort();
    await knex('search_index_state').update({
      building_version: 1,
      resume_org_id: org.orgId,
      resume_activity_id: sorted[1],
    });
    await runMigrations(knex);
    expect(await found()).toEqual([sorted[2]]);
    expect(await knex('search_index_state').first()).toMatchObject({ version: 1, building_version: null });

    await knex('search_index_state').update({ version: 0 });
    await runMigrations(knex);
    expect(await found()).toEqual(sorted);
  });
});
