import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importMailFiles } from '@inbox-crm/server';
import type { Email, Import } from '@inbox-crm/shared';
import { createAccount, createContact } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { allRows, runStep } from '../support/imports.js';
import { startTestWorker } from '../support/test-worker.js';
import { mbox, messageSource, type ArchiveMessage } from '../support/mailbox-archive.js';
import { describe, expect, test } from '../support/suite.js';

// The import worker takes every organisation's imports from its database: a database of this file's own.
test.override('appOptions', { isolated: true });
const it = test;

const PDF = Buffer.from('%PDF-1.4 the signed order');

async function uploadArchive(client: Client, file: string, fileName: string): Promise<Import> {
  const reply = await client.request<Import>(
    'POST',
    `/api/v1/imports/mail?fileName=${encodeURIComponent(fileName)}`,
    Buffer.from(file),
    {
      'content-type': 'application/mbox',
    },
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

async function timelineOf(client: Client, path: string): Promise<{ id: string; subject: string }[]> {
  return (await client.get(`${path}/timeline?limit=50`)).body.items;
}

/** An archive of real-looking mail: multipart, encoded headers, no Message-ID, a repeat, strangers, a broken one. */
function archive(customer: string, colleague: string): ArchiveMessage[] {
  return [
    {
      from: `Zoë Kranz <${customer}>`,
      subject: 'Bestellung für März – signed order',
      messageId: 'order-1@customer-archive.example',
      body: 'Here is the signed order.\nFrom now on, please send invoices to accounts.',
      attachment: { name: 'order.pdf', contentType: 'application/pdf', content: PDF },
    },
    {
      from: `Someone New <${colleague}>`,
      subject: 'No message id here',
      date: 'Wed, 04 Mar 2026 09:15:00 +0100',
      body: 'A colleague of Zoë writes without a Message-ID.',
    },
    {
      from: `Zoë Kranz <${customer}>`,
      subject: 'Bestellung für März – signed order',
      messageId: 'order-1@customer-archive.example',
      body: 'The same message again, as a second export holds it.',
    },
    {
      from: 'A Stranger <stranger@gmail.com>',
      subject: 'Hello from nowhere',
      messageId: 'x@gmail.com',
      body: 'Who are you?',
    },
    {
      from: '',
      subject: '',
      body: '',
      raw: 'Subject: no sender at all\n\nThis message has no From header.\n',
    },
  ];
}

describe('importing mailbox archives', () => {
  it('when an mbox is imported, then each message is filed to the records its people match, once per Message-ID, and strangers are skipped', async ({
    org,
    scheduler,
  }) => {
    const account = await createAccount(org.admin, {
      name: 'Kranz GmbH',
      domains: ['kranz-archive.example'],
    });
    const zoe = await createContact(org.admin, {
      firstName: 'Zoë',
      lastName: 'Kranz',
      emails: ['zoe@kranz-archive.example'],
      accountId: account.id,
    });
    const file = mbox(archive('zoe@kranz-archive.example', 'someone.new@kranz-archive.example'));
    const uploaded = await uploadArchive(org.admin, file, 'sales.mbox');
    expect(uploaded).toMatchObject({ source: 'mail', recordType: 'email', status: 'uploaded' });
    const done = await runStep(org.admin, scheduler, uploaded.id, 'start');
    expect(done).toMatchObject({ status: 'done', result: { create: 2, unchanged: 1, skip: 1, refuse: 1 } });

    const rows = await allRows(org.admin, done.id, 'import');
    expect(rows.map((row) => [row.rowNumber, row.action])).toEqual([
      [1, 'create'],
      [2, 'create'],
      [3, 'unchanged'],
      [4, 'skip'],
      [5, 'refuse'],
    ]);
    expect(rows[3]).toMatchObject({
      label: 'Hello from nowhere',
      reason: 'Nobody on it is a contact or works at an account.',
    });
    expect(rows[4]!.reason).toBe('It has no sender address that can be read.');

    const order = (await org.admin.get<Email>(`/api/v1/emails/${rows[0]!.recordId}`)).body;
    expect(order).toMatchObject({
      subject: 'Bestellung für März – signed order',
      messageId: 'order-1@customer-archive.example',
      source: 'import',
      bodyText: 'Here is the signed order.\nFrom now on, please send invoices to accounts.',
      attachments: [expect.objectContaining({ name: 'order.pdf', size: PDF.length })],
    });
    expect(order.links.map((link) => link.type).sort()).toEqual(['account', 'contact']);
    const file0 = await org.admin.download(`/api/v1/emails/${order.id}/attachments/0`);
    expect(file0.bytes.equals(PDF)).toBe(true);
    expect((await timelineOf(org.admin, `/api/v1/contacts/${zoe.id}`)).map((entry) => entry.id)).toContain(
      order.id,
    );
    const accountMail = (await timelineOf(org.admin, `/api/v1/accounts/${account.id}`)).map(
      (entry) => entry.id,
    );
    expect(accountMail).toContain(rows[1]!.recordId);

    // The same archive again files nothing twice.
    const again = await runStep(
      org.admin,
      scheduler,
      (await uploadArchive(org.admin, file, 'sales again.mbox')).id,
      'start',
    );
    expect(again.result).toMatchObject({ create: 0, unchanged: 3, skip: 1, refuse: 1 });
  });

  it('when the server keeps attachments up to a size, then an imported attachment above it is kept by name only', async ({
    org,
    testApp,
  }) => {
    await createContact(org.admin, {
      firstName: 'Ola',
      lastName: 'Limit',
      emails: ['ola@limits-archive.example'],
    });
    const file = mbox([
      {
        from: 'Ola Limit <ola@limits-archive.example>',
        subject: 'A drawing too large to keep',
        messageId: 'drawing@limits-archive.example',
        body: 'The drawing is attached.',
        attachment: { name: 'drawing.pdf', contentType: 'application/pdf', content: PDF },
      },
    ]);
    const uploaded = await uploadArchive(org.admin, file, 'limits.mbox');
    const small = startTestWorker(testApp, {
      attachmentLimits: { perFileBytes: PDF.length - 1, perOrganisationBytes: 1024 ** 3 },
    });
    try {
      const done = await runStep(org.admin, small, uploaded.id, 'start');
      expect(done).toMatchObject({ status: 'done', result: { create: 1 } });
      const [row] = await allRows(org.admin, done.id, 'import');
      const email = (await org.admin.get<Email>(`/api/v1/emails/${row!.recordId}`)).body;
      expect(email.attachments).toEqual([
        expect.objectContaining({ name: 'drawing.pdf', size: PDF.length, stored: false }),
      ]);
    } finally {
      await small.close();
    }
  });

  it('when one .eml is uploaded, then it is filed like any message of an archive', async ({
    org,
    scheduler,
  }) => {
    await createContact(org.admin, {
      firstName: 'Eli',
      lastName: 'Eml',
      emails: ['eli@eml-archive.example'],
    });
    const eml = messageSource({
      from: 'Eli <eli@eml-archive.example>',
      subject: 'Just one',
      messageId: 'one@eml-archive.example',
      body: 'One message.',
    });
    const done = await runStep(
      org.admin,
      scheduler,
      (await uploadArchive(org.admin, eml, 'one.eml')).id,
      'start',
    );
    expect(done.result).toMatchObject({ create: 1 });
  });

  it('when archives are imported from a folder on disk, then the report is the same and the import is listed', async ({
    org,
    testApp,
  }) => {
    await createContact(org.admin, {
      firstName: 'Folder',
      lastName: 'Person',
      emails: ['folder@folder-archive.example'],
    });
    const folder = await mkdtemp(join(tmpdir(), 'mail-import-'));
    try {
      const first = join(folder, 'a.mbox');
      const second = join(folder, 'b.eml');
      await writeFile(
        first,
        mbox([
          {
            from: 'folder@folder-archive.example',
            subject: 'One',
            messageId: 'f1@folder-archive.example',
            body: 'first',
          },
        ]),
      );
      await writeFile(
        second,
        messageSource({
          from: 'stranger@gmail.com',
          subject: 'Two',
          messageId: 'f2@gmail.com',
          body: 'second',
        }),
      );
      const report = await importMailFiles(testApp.database.knex, {
        userEmail: org.adminUser.email,
        files: [first, second],
      });
      expect(report).toMatchObject({ status: 'done', result: { create: 1, skip: 1 } });
      const listed = (await org.admin.get<{ items: Import[] }>('/api/v1/imports')).body.items;
      expect(listed.map((item) => item.id)).toContain(report.importId);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('when an archive is asked for a dry run, a mapping or a revert, then it says it cannot', async ({
    org,
  }) => {
    const uploaded = await uploadArchive(org.admin, 'From x\nSubject: hi\n\nbody\n', 'x.mbox');
    const preview = await org.admin.post(`/api/v1/imports/${uploaded.id}/preview`);
    expect(preview.status).toBe(422);
    expect(preview.body.message).toBe('A mailbox archive cannot have a dry run: it is filed as it is read.');
  });
});
