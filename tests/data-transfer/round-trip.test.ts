import { strFromU8, unzipSync } from 'fflate';
import type {
  Account,
  Activity,
  Case,
  Contact,
  Email,
  ImportRecordType,
  Opportunity,
  PipelineStage,
} from '@inbox-crm/shared';
import {
  createAccount,
  createContact,
  createOpportunity,
  emailToFile,
  fileEmail,
} from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { changeImport, runStep, uploadCsv } from '../support/imports.js';
import { createTestOrganisation } from '../support/organisation.js';
import { describe, expect, test } from '../support/suite.js';
import type { TestWorker } from '../support/test-worker.js';

// The import worker takes every organisation's imports from its database: a database of this file's own.
test.override('appOptions', { isolated: true });
const it = test;

const PDF = Buffer.from('%PDF-1.4 the framework agreement');
const SHEETS: [string, ImportRecordType][] = [
  ['import/1-accounts.csv', 'account'],
  ['import/2-contacts.csv', 'contact'],
  ['import/3-opportunities.csv', 'opportunity'],
  ['import/4-cases.csv', 'case'],
  ['import/5-notes.csv', 'note'],
  ['import/6-calls.csv', 'call'],
];

/** An organisation with a bit of everything an export carries. */
async function fillOrganisation(client: Client): Promise<void> {
  const stages = (await client.get<{ items: PipelineStage[] }>('/api/v1/pipeline-stages')).body.items;
  const acme = await createAccount(client, {
    name: 'Acme Round Trip',
    domains: ['acme-trip.example', 'acme-trip.co.uk'],
    website: 'https://www.acme-trip.example',
    industry: 'Engineering',
    phone: '+44 20 7946 0100',
  });
  const globex = await createAccount(client, { name: 'Globex Round Trip', domains: ['globex-trip.example'] });
  const ada = await createContact(client, {
    firstName: 'Ada',
    lastName: 'Trip',
    title: 'Chief Engineer',
    emails: ['ada@acme-trip.example', 'ada.home@mailbox-trip.example'],
    phones: [
      { number: '+44 20 7946 0101', label: 'work' },
      { number: '+44 7911 123456', label: 'mobile' },
    ],
    accountId: acme.id,
  });
  const bob = await createContact(client, {
    firstName: 'Bob',
    lastName: 'Trip',
    emails: ['bob@globex-trip.example'],
    accountId: globex.id,
  });
  await createOpportunity(client, {
    name: 'Acme framework 2027',
    accountId: acme.id,
    contactId: ada.id,
    stageId: stages.find((stage) => stage.name === 'Qualified')!.id,
    amountMinor: 1_250_050,
    currency: 'GBP',
    closeDate: '2027-03-31',
    probability: 40,
  });
  await client.post('/api/v1/cases', {
    subject: 'Globex cannot sign in',
    description: 'Since Monday, every login fails.',
    status: 'open',
    priority: 'high',
    category: 'Access',
    accountId: globex.id,
    contactId: bob.id,
  });
  await client.post('/api/v1/activities', {
    type: 'note',
    subject: 'Met Ada at the fair',
    body: 'Wants the framework renewed early.',
    occurredAt: '2026-10-01T14:00:00.000Z',
    links: [{ type: 'contact', id: ada.id }],
  });
  await client.post('/api/v1/activities', {
    type: 'call',
    subject: 'Support call with Bob',
    body: 'Walked through the login problem.',
    occurredAt: '2026-10-02T09:30:00.000Z',
    durationMinutes: 25,
    direction: 'inbound',
    outcome: 'Resolved',
    links: [{ type: 'contact', id: bob.id }],
  });
  await fileEmail(
    client,
    emailToFile({
      subject: 'The framework agreement',
      from: { email: 'ada@acme-trip.example', name: 'Ada Trip' },
      bodyText: 'Attached is the signed agreement.',
      bodyHtml: '<p>Attached is the <b>signed</b> agreement.</p>',
      attachments: [
        {
          name: 'agreement.pdf',
          contentType: 'application/pdf',
          size: PDF.length,
          content: PDF.toString('base64'),
        },
      ],
      links: [
        { type: 'contact', id: ada.id },
        { type: 'account', id: acme.id },
      ],
    }),
  );
}

const list = async <T>(client: Client, path: string) =>
  (await client.get<{ items: T[] }>(`${path}?limit=100`)).body.items;

/** What an organisation holds, by names and addresses rather than ids, so two organisations compare. */
async function holdings(client: Client) {
  const accounts = await list<Account>(client, '/api/v1/accounts');
  const contacts = await list<Contact>(client, '/api/v1/contacts');
  const stages = (await client.get<{ items: PipelineStage[] }>('/api/v1/pipeline-stages')).body.items;
  const accountName = (id: string | null) => accounts.find((account) => account.id === id)?.name ?? null;
  const contactEmail = (id: string | null) =>
    contacts.find((contact) => contact.id === id)?.emails[0] ?? null;
  const activities = await list<Activity>(client, '/api/v1/activities');
  const emails = await Promise.all(
    activities
      .filter((activity) => activity.type === 'email')
      .map(async (activity) => (await client.get<Email>(`/api/v1/emails/${activity.id}`)).body),
  );
  const links = (item: { links: { type: string; id: string }[] }) =>
    item.links.map((link) => (link.type === 'contact' ? contactEmail(link.id) : accountName(link.id))).sort();
  return {
    accounts: accounts
      .map((a) => ({
        name: a.name,
        domains: a.domains,
        website: a.website,
        industry: a.industry,
        phone: a.phone,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    contacts: contacts
      .map((c) => ({
        name: c.name,
        title: c.title,
        emails: c.emails,
        phones: c.phones,
        account: accountName(c.accountId),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    opportunities: (await list<Opportunity>(client, '/api/v1/opportunities')).map((o) => ({
      name: o.name,
      account: accountName(o.accountId),
      contact: contactEmail(o.contactId),
      stage: stages.find((stage) => stage.id === o.stageId)?.name,
      amountMinor: o.amountMinor,
      currency: o.currency,
      closeDate: o.closeDate,
      probability: o.probability,
    })),
    cases: (await list<Case>(client, '/api/v1/cases')).map((k) => ({
      subject: k.subject,
      description: k.description,
      status: k.status,
      priority: k.priority,
      category: k.category,
      account: accountName(k.accountId),
      contact: contactEmail(k.contactId),
    })),
    activities: activities
      .filter((activity) => activity.type !== 'email')
      .map((a) => ({
        type: a.type,
        subject: a.subject,
        body: a.body,
        occurredAt: a.occurredAt,
        durationMinutes: a.durationMinutes,
        direction: a.direction,
        outcome: a.outcome,
        links: links(a),
      }))
      .sort((a, b) => a.subject.localeCompare(b.subject)),
    emails: emails.map((e) => ({
      subject: e.subject,
      messageId: e.messageId,
      from: e.from,
      sentAt: e.sentAt,
      bodyText: e.bodyText,
      attachments: e.attachments.map((file) => ({ name: file.name, size: file.size })),
      links: links(e),
    })),
  };
}

/** Imports the export's files in their order; `again` when they were imported before and should change nothing. */
async function importInto(
  client: Client,
  scheduler: TestWorker,
  files: Record<string, Uint8Array>,
  again = false,
) {
  for (const [file, recordType] of SHEETS) {
    const uploaded = await uploadCsv(client, recordType, Buffer.from(files[file]!), file.slice(7));
    // Owners are people of the old organisation; the new one has other users.
    const mapping = Object.fromEntries(
      Object.entries(uploaded.settings.mapping).filter(([, field]) => field !== 'owner'),
    );
    await changeImport(client, uploaded.id, { mapping });
    const done = await runStep(client, scheduler, uploaded.id, 'start');
    const expected = again ? { create: 0, update: 0, refuse: 0 } : { refuse: 0 };
    expect(done.result, `${file}: ${JSON.stringify(done.result)}`).toMatchObject(expected);
  }
  const mail = await client.request(
    'POST',
    '/api/v1/imports/mail?fileName=7-mail.mbox',
    Buffer.from(files['import/7-mail.mbox']!),
    {
      'content-type': 'application/mbox',
    },
  );
  expect(mail.status).toBe(201);
  const filed = await runStep(client, scheduler, mail.body.id, 'start');
  expect(filed.result).toMatchObject(again ? { create: 0, unchanged: 1 } : { create: 1, refuse: 0, skip: 0 });
}

describe('leaving and coming back', () => {
  it('when an organisation is exported and its import files imported into an empty organisation, then the new one holds the same data', async ({
    org,
    scheduler,
    testApp,
  }) => {
    await fillOrganisation(org.admin);
    const exported = await org.admin.download('/api/v1/exports/organisation');
    expect(exported.status).toBe(200);
    const files = unzipSync(new Uint8Array(exported.bytes));
    expect(strFromU8(files['README.md']!)).toContain('## Importing it again');

    const empty = await createTestOrganisation(testApp);
    await importInto(empty.admin, scheduler, files);
    const before = await holdings(org.admin);
    const after = await holdings(empty.admin);
    expect(after).toEqual(before);
    expect(after.contacts).toHaveLength(2);
    expect(after.emails[0]!.attachments).toEqual([{ name: 'agreement.pdf', size: PDF.length }]);

    // The attachment came across whole, not only its name.
    const [email] = (await list<Activity>(empty.admin, '/api/v1/activities')).filter(
      (activity) => activity.type === 'email',
    );
    expect((await empty.admin.download(`/api/v1/emails/${email!.id}/attachments/0`)).bytes.equals(PDF)).toBe(
      true,
    );

    // Importing the same files again changes nothing.
    await importInto(empty.admin, scheduler, files, true);
    expect(await holdings(empty.admin)).toEqual(before);
  });
});
