import { createContact, emailToFile } from '../support/fixtures.js';
import { describe, expect, test } from '../support/suite.js';

// This file's server keeps files up to 1 KB, and 3 KB of them per organisation.
test.override('appOptions', { attachmentLimits: { perFileBytes: 1024, perOrganisationBytes: 3 * 1024 } });

const it = test.extend('jane', { auto: true }, ({ org }) =>
  createContact(org.admin, { firstName: 'Jane', lastName: 'Doe', emails: ['jane.doe@acme.example'] }),
);

const bytes = (size: number, fill: number) => Buffer.alloc(size, fill);
const file = (name: string, content: Buffer) => ({
  name,
  contentType: 'application/octet-stream',
  size: content.length,
  content: content.toString('base64'),
});

describe('attachment limits', () => {
  it('when a file is over the per-file limit, then the filing is refused naming it, and nothing is written', async ({
    org,
    jane,
  }) => {
    const messageId = '<big-file@acme.example>';
    const reply = await org.admin.post(
      '/api/v1/emails',
      emailToFile({
        messageId,
        links: [{ type: 'contact', id: jane.id }],
        attachments: [file('small.bin', bytes(100, 1)), file('scan.pdf', bytes(2000, 2))],
      }),
    );
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({
      error: 'attachment_too_large',
      details: [{ name: 'scan.pdf', size: 2000, limit: 1024 }],
    });
    expect(reply.body.message).toContain('"scan.pdf"');
    expect(
      (await org.admin.get(`/api/v1/emails/by-message-id/${encodeURIComponent(messageId)}`)).status,
    ).toBe(404);

    const namesOnly = await org.admin.post(
      '/api/v1/emails',
      emailToFile({
        messageId,
        links: [{ type: 'contact', id: jane.id }],
        attachments: [
          file('small.bin', bytes(100, 1)),
          { name: 'scan.pdf', contentType: 'application/pdf', size: 2000 },
        ],
      }),
    );
    expect(namesOnly.status).toBe(201);
    expect(namesOnly.body.attachments.map((a: { stored: boolean }) => a.stored)).toEqual([true, false]);
  });

  it('when the organisation’s room for attachments is used up, then a filing that needs more is refused naming the file', async ({
    org,
    jane,
  }) => {
    for (const fill of [1, 2, 3]) {
      const reply = await org.admin.post(
        '/api/v1/emails',
        emailToFile({
          links: [{ type: 'contact', id: jane.id }],
          attachments: [file(`part${fill}.bin`, bytes(1000, fill))],
        }),
      );
      expect(reply.status).toBe(201);
    }
    const full = await org.admin.post(
      '/api/v1/emails',
      emailToFile({
        links: [{ type: 'contact', id: jane.id }],
        attachments: [file('part4.bin', bytes(1000, 4))],
      }),
    );
    expect(full.status).toBe(413);
    expect(full.body).toMatchObject({ error: 'attachment_storage_full', details: [{ name: 'part4.bin' }] });
  });

  it('when a request is larger than any filing this server keeps could be, then it is refused with 413 before it is read', async ({
    org,
    jane,
  }) => {
    // Bodies and headers (8 MB) and two files at this server's 1 KB limit, in base64.
    const reply = await org.admin.post(
      '/api/v1/emails',
      emailToFile({
        links: [{ type: 'contact', id: jane.id }],
        attachments: [file('huge.bin', bytes(9 * 1024 * 1024, 7))],
      }),
    );
    expect(reply.status).toBe(413);
    expect(reply.body.error).toBe('payload_too_large');
  });
});
