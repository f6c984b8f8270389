import { migrationSource } from '@inbox-crm/migrations';
import { createContact, emailToFile, fileEmail } from '../support/fixtures.js';
import { describe, expect, it } from '../support/suite.js';

describe('the migration that makes stored remote images inert', () => {
  it('when a body was filed before, with https image sources, then they become data-src and data: images stay', async ({
    testApp,
    org,
  }) => {
    const contact = await createContact(org.admin, { lastName: 'Pixel' });
    const { body: email } = await fileEmail(
      org.admin,
      emailToFile({ links: [{ type: 'contact', id: contact.id }] }),
    );
    const asFiledBefore =
      '<p>Hi</p><img src="https://track.example/p.gif" alt="" width="1" /><img alt="logo" src="https://cdn.example/logo.png"><img src="data:image/png;base64,AAAA" /><img src=" https://cdn.example/spaced.png">';
    const knex = testApp.database.knex;
    await knex('email_messages')
      .where({ org_id: org.orgId, activity_id: email.id })
      .update({ body_html: asFiledBefore });

    const migration = await migrationSource.getMigration('20261202000100_inert_remote_images');
    await migration.up(knex);

    const stored = await org.admin.get(`/api/v1/emails/${email.id}`);
    expect(stored.body.bodyHtml).toBe(
      '<p>Hi</p><img data-src="https://track.example/p.gif" alt="" width="1" /><img alt="logo" data-src="https://cdn.example/logo.png"><img src="data:image/png;base64,AAAA" /><img data-src="https://cdn.example/spaced.png">',
    );
  });
});
