import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Email } from '@inbox-crm/shared';
import { createContact, emailToFile, fileEmail } from '../support/fixtures.js';
import type { TestOrganisation } from '../support/organisation.js';
import { describe, expect, test } from '../support/suite.js';

// A 1x1 PNG, and an HTML page that would run a script if a browser rendered it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const HOSTILE_HTML = Buffer.from('<html><body><script>document.title = "ran"</script>Invoice</body></html>');

const file = (name: string, contentType: string, bytes: Buffer, more: object = {}) => ({
  name,
  contentType,
  size: bytes.length,
  content: bytes.toString('base64'),
  ...more,
});

const it = test.extend('jane', { auto: true }, ({ org }) =>
  createContact(org.admin, { firstName: 'Jane', lastName: 'Doe', emails: ['jane.doe@acme.example'] }),
);

const storedContents = async (db: Knex, orgId: string) =>
  (
    (await db.raw(
      'SELECT encode(sha256, $$hex$$) AS sha256, size::int AS size FROM attachment_contents WHERE org_id = ?',
      [orgId],
    )) as { rows: { sha256: string; size: number }[] }
  ).rows;

async function fileWith(org: TestOrganisation, contactId: string, attachments: object[], more: object = {}) {
  const reply = await fileEmail(
    org.admin,
    emailToFile({ links: [{ type: 'contact', id: contactId }], attachments: attachments as never, ...more }),
  );
  return reply.body as Email;
}

describe('attachments kept with a filed email', () => {
  it('when a filing carries a file, then the email lists it as kept and it downloads with its name and type, as a download', async ({
    org,
    jane,
  }) => {
    const email = await fileWith(org, jane.id, [
      file('Quote 2027 – final.png', 'image/png', PNG),
      { name: 'old.doc', contentType: 'application/msword', size: 1234 },
    ]);
    expect(email.attachments).toEqual([
      {
        position: 0,
        name: 'Quote 2027 – final.png',
        contentType: 'image/png',
        size: PNG.length,
        inline: false,
        contentId: null,
        stored: true,
      },
      {
        position: 1,
        name: 'old.doc',
        contentType: 'application/msword',
        size: 1234,
        inline: false,
        contentId: null,
        stored: false,
      },
    ]);

    const download = await org.admin.download(`/api/v1/emails/${email.id}/attachments/0`);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(PNG)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Quote 2027 ? final.png"; filename*=UTF-8''Quote%202027%20%E2%80%93%20final.png`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    const nameOnly = await org.admin.get(`/api/v1/emails/${email.id}/attachments/1`);
    expect(nameOnly.status).toBe(404);
    expect(nameOnly.body.message).toContain('Only the name of "old.doc" was kept');
    expect((await org.admin.get(`/api/v1/emails/${email.id}/attachments/2`)).status).toBe(404);
  });

  it('when large files come with a body in several scripts, then each downloads byte for byte and the body is intact', async ({
    org,
    jane,
  }) => {
    // Past 64 KB, base64 content is read straight from the request's bytes rather than by JSON.parse.
    const scan = randomBytes(300 * 1024);
    const photo = randomBytes(80 * 1024);
    const email = await fileWith(
      org,
      jane.id,
      [file('Ångström scan.pdf', 'application/pdf', scan), file('會議 photo.jpg', 'image/jpeg', photo)],
      { subject: 'Zoë’s scans — 会議録', bodyText: 'Bonjour Zoë, voici les scans 📎' },
    );
    expect(email.subject).toBe('Zoë’s scans — 会議録');
    expect(email.bodyText).toBe('Bonjour Zoë, voici les scans 📎');
    expect(email.attachments.map((attachment) => [attachment.name, attachment.size])).toEqual([
      ['Ångström scan.pdf', scan.length],
      ['會議 photo.jpg', photo.length],
    ]);
    expect((await org.admin.download(`/api/v1/emails/${email.id}/attachments/0`)).bytes.equals(scan)).toBe(
      true,
    );
    expect((await org.admin.download(`/api/v1/emails/${email.id}/attachments/1`)).bytes.equals(photo)).toBe(
      true,
    );
  });

  it('when an HTML file is attached, then it is served only as a sandboxed download that cannot run on our origin', async ({
    org,
    jane,
  }) => {
    const email = await fileWith(org, jane.id, [file('invoice.html', 'text/html', HOSTILE_HTML)]);
    const download = await org.admin.download(`/api/v1/emails/${email.id}/attachments/0`);
    expect(download.bytes.equals(HOSTILE_HTML)).toBe(true);
    expect(download.headers['content-disposition']).toBe('attachment; filename="invoice.html"');
    expect(download.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('when the same file is filed with two emails, or twice in one, then its content is stored once', async ({
    org,
    jane,
    testApp,
  }) => {
    await fileWith(org, jane.id, [file('a.png', 'image/png', PNG), file('copy of a.png', 'image/png', PNG)]);
    await fileWith(org, jane.id, [file('again.png', 'image/png', PNG)]);
    expect(await storedContents(testApp.app.db, org.orgId)).toEqual([
      { sha256: createHash('sha256').update(PNG).digest('hex'), size: PNG.length },
    ]);
  });

  it('when an email is deleted for good, then content no other email uses goes with it, and shared content stays', async ({
    org,
    jane,
    testApp,
  }) => {
    const shared = await fileWith(org, jane.id, [file('logo.png', 'image/png', PNG)]);
    const alone = await fileWith(org, jane.id, [
      file('logo.png', 'image/png', PNG),
      file('invoice.html', 'text/html', HOSTILE_HTML),
    ]);
    const db = testApp.app.db;
    await db('activities').where({ org_id: org.orgId, id: alone.id }).del();
    expect((await storedContents(db, org.orgId)).map((row) => row.size)).toEqual([PNG.length]);
    await db('activities').where({ org_id: org.orgId, id: shared.id }).del();
    expect(await storedContents(db, org.orgId)).toEqual([]);
  });

  it('when a colleague filed the email privately, then its attachments are theirs alone; another organisation never reaches them', async ({
    org,
    jane,
    testApp,
  }) => {
    const { client: member } = await org.addUser('member');
    const email = (
      await fileEmail(
        member,
        emailToFile({
          links: [{ type: 'contact', id: jane.id }],
          attachments: [file('payslip.png', 'image/png', PNG)],
          private: true,
        }),
      )
    ).body;
    expect((await member.download(`/api/v1/emails/${email.id}/attachments/0`)).status).toBe(200);
    const { client: colleague } = await org.addUser('member');
    expect((await colleague.get(`/api/v1/emails/${email.id}/attachments/0`)).status).toBe(404);
    const { createTestOrganisation } = await import('../support/organisation.js');
    const stranger = await createTestOrganisation(testApp);
    expect((await stranger.admin.get(`/api/v1/emails/${email.id}/attachments/0`)).status).toBe(404);
  });

  it('when a message first filed with names only is filed again with its files, then the content is added to the one email', async ({
    org,
    jane,
  }) => {
    const first = await fileWith(org, jane.id, [
      { name: 'plan.png', contentType: 'image/png', size: PNG.length },
    ]);
    expect(first.attachments[0]?.stored).toBe(false);
    const again = await fileWith(org, jane.id, [file('plan.png', 'image/png', PNG)], {
      messageId: first.messageId,
    });
    expect(again.id).toBe(first.id);
    expect(again.attachments).toEqual([
      expect.objectContaining({ name: 'plan.png', stored: true, size: PNG.length }),
    ]);
    expect((await org.admin.download(`/api/v1/emails/${first.id}/attachments/0`)).bytes.equals(PNG)).toBe(
      true,
    );
  });

  it('when a colleague files the message again with other bytes behind a kept-by-name file, then they are not kept', async ({
    org,
    jane,
  }) => {
    const first = await fileWith(org, jane.id, [
      { name: 'plan.png', contentType: 'image/png', size: PNG.length },
    ]);
    const { client: colleague } = await org.addUser('member');
    const again = await fileEmail(
      colleague,
      emailToFile({
        messageId: first.messageId!,
        links: [{ type: 'contact', id: jane.id }],
        attachments: [file('plan.png', 'image/png', PNG)] as never,
      }),
    );
    expect(again.body.attachments[0]?.stored).toBe(false);
  });

  it('when a file names a type no download could carry, then it is kept as application/octet-stream', async ({
    org,
    jane,
  }) => {
    const email = await fileWith(org, jane.id, [file('notes.txt', 'text/plain€\r\nX-Evil: 1', PNG)]);
    expect(email.attachments[0]?.contentType).toBe('application/octet-stream');
    const download = await org.admin.download(`/api/v1/emails/${email.id}/attachments/0`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
  });

  it('when an inline image is filed, then it keeps its Content-ID for the reader', async ({ org, jane }) => {
    const email = await fileWith(
      org,
      jane.id,
      [file('image001.png', 'image/png', PNG, { inline: true, contentId: '<image001.png@01DA>' })],
      { bodyHtml: '<p>Our logo:</p><img src="cid:image001.png@01DA" alt="logo">' },
    );
    expect(email.attachments[0]).toMatchObject({
      inline: true,
      contentId: 'image001.png@01DA',
      stored: true,
    });
    expect(email.bodyHtml).toContain('src="cid:image001.png@01DA"');
  });

  it('when a file’s content is not base64, then the filing is refused with its name and nothing is written', async ({
    org,
    jane,
  }) => {
    const messageId = '<not-base64@acme.example>';
    const reply = await org.admin.post(
      '/api/v1/emails',
      emailToFile({
        messageId,
        links: [{ type: 'contact', id: jane.id }],
        attachments: [
          { name: 'x.bin', contentType: 'application/octet-stream', size: 3, content: 'not base64!' },
        ],
      }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain('"x.bin"');
    expect(
      (await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`)).status,
    ).toBe(404);
  });
});
