import { indexOrganisation } from '@inbox-crm/server';
import { createContact, emailToFile, fileEmail } from '../support/fixtures.js';
import { describe, expect, it } from '../support/suite.js';

describe('the search row a filing writes', () => {
  it('when an email is first filed, then its search row is the one the index would build from the stored email', async ({
    org,
    testApp,
  }) => {
    const knex = testApp.database.knex;
    const contact = await createContact(org.admin, {
      lastName: 'Indexed',
      emails: ['indexed@customer.example'],
    });
    const { body } = await fileEmail(
      org.admin,
      emailToFile({
        subject: '  Größere Lieferung: Pallets & Kühlung  ',
        from: { email: 'Indexed@Customer.example', name: ' Ida Indexed ' },
        cc: [{ email: 'buyer@customer.example', name: null }],
        bodyText: 'Bitte liefern Sie 12 Paletten bis Freitag. 東京の倉庫にも。',
        attachments: [{ name: 'lieferschein.pdf', contentType: 'application/pdf', size: 1200 }],
        links: [{ type: 'contact', id: contact.id }],
        private: true,
      }),
    );
    const row = () =>
      knex('activity_search')
        .where({ org_id: org.orgId, activity_id: body.id })
        .first('document', 'occurred_at', 'owner_id', 'private', 'activity_type');
    const written = await row();
    expect(written.document).not.toBe('');

    // The index built again from the stored rows, as after a change to the folding rules.
    await knex('activity_search').where({ org_id: org.orgId, activity_id: body.id }).delete();
    await indexOrganisation(knex, org.orgId);
    expect(await row()).toEqual(written);
  });
});
