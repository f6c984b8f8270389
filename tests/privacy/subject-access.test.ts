import { strFromU8, unzipSync } from 'fflate';
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

async function accessZip(client: Client, body: object): Promise<Record<string, Uint8Array>> {
  const reply = await client.download('/api/v1/privacy/access-requests', body);
  expect(reply.status, reply.bytes.toString().slice(0, 300)).toBe(200);
  expect(reply.headers['content-type']).toBe('application/zip');
  return unzipSync(new Uint8Array(reply.bytes));
}

const lines = (files: Record<string, Uint8Array>, name: string) =>
  strFromU8(files[name]!)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('a subject access request', () => {
  it('when an admin asks for everything held about a person, then one ZIP has their contact, their mail with bodies and files, notes, tasks, deals, cases, consent and audit, and nothing about anyone else', async ({
    org,
    testApp,
  }) => {
    const us = { email: org.adminUser.email, name: 'Ada Admin' };
    const acme = await createAccount(org.admin, { name: 'Acme Access', domains: ['acme-access.example'] });
    const rosa = await createContact(org.admin, {
      firstName: 'Rosa',
      lastName: 'Linden',
      accountId: acme.id,
      emails: ['rosa.linden@acme-access.example'],
      phones: [{ number: '+44 20 7946 0222', label: 'work' }],
    });
    const other = await createContact(org.admin, {
      firstName: 'Otto',
      lastName: 'Else',
      emails: ['otto@acme-access.example'],
    });
    const file = Buffer.from('Rosa Linden signed contract');
    const fromRosa = await fileEmail(
      org.admin,
      emailToFile({
        subject: 'Signed contract',
        from: { email: 'rosa.linden@acme-access.example', name: 'Rosa Linden' },
        to: [us],
        bodyText: 'Here it is, signed.',
        attachments: [
          {
            name: 'contract.pdf',
            contentType: 'application/pdf',
            size: file.length,
            content: file.toString('base64'),
          },
        ],
        links: [{ type: 'contact', id: rosa.id }],
      }),
    );
    await fileEmail(
      org.admin,
      emailToFile({
        subject: 'Not about Rosa',
        from: { email: 'otto@acme-access.example', name: 'Otto Else' },
        to: [us],
        links: [{ type: 'contact', id: other.id }],
      }),
    );
    const note = await org.admin.post('/api/v1/activities', {
      type: 'note',
      body: 'Rosa Linden prefers mornings.',
      links: [{ type: 'account', id: acme.id }],
    });
    const task = await org.admin.post('/api/v1/tasks', {
      title: 'Send the countersigned copy',
      contactId: rosa.id,
    });
    const deal = await createOpportunity(org.admin, {
      name: 'Access renewal',
      contactId: rosa.id,
      accountId: acme.id,
    });
    const consent = await org.admin.post(`/api/v1/contacts/${rosa.id}/consents`, {
      purpose: 'newsletter',
      state: 'opt_out',
      source: 'Phone call',
    });
    expect([note.status, task.status, consent.status]).toEqual([201, 201, 201]);

    const files = await accessZip(org.admin, { email: 'ROSA.LINDEN@acme-access.example' });
    const person = JSON.parse(strFromU8(files['person.json']!));
    expect(person.addresses).toEqual(['rosa.linden@acme-access.example']);
    expect(person.contacts).toEqual([
      expect.objectContaining({
        id: rosa.id,
        firstName: 'Rosa',
        lastName: 'Linden',
        account: 'Acme Access',
        emails: ['rosa.linden@acme-access.example'],
        phones: ['+442079460222'],
      }),
    ]);
    expect(person.currentConsent).toEqual([
      expect.objectContaining({ purpose: 'newsletter', state: 'opt_out' }),
    ]);
    const emails = lines(files, 'emails.jsonl');
    expect(emails.map((email) => email.id)).toEqual([fromRosa.body.id]);
    expect(emails[0]).toMatchObject({ subject: 'Signed contract', bodyText: 'Here it is, signed.' });
    expect(Buffer.from(files[`attachments/${fromRosa.body.id}/0-contract.pdf`]!).equals(file)).toBe(true);
    expect(lines(files, 'activities.jsonl').map((row) => row.id)).toEqual([note.body.id]);
    expect(lines(files, 'tasks.jsonl').map((row) => row.id)).toEqual([task.body.id]);
    expect(lines(files, 'opportunities.jsonl').map((row) => row.id)).toEqual([deal.id]);
    expect(lines(files, 'consent.jsonl')).toEqual([
      expect.objectContaining({ purpose: 'newsletter', source: 'Phone call' }),
    ]);
    const audit = lines(files, 'audit.jsonl');
    expect(audit.some((entry) => entry.entityId === rosa.id && entry.action === 'create')).toBe(true);
    const everything = Object.values(files)
      .map((bytes) => strFromU8(bytes, true))
      .join('\n');
    expect(everything).not.toContain('Otto');
    expect(everything).not.toContain('Not about Rosa');
    expect(strFromU8(files['README.md']!)).toContain('subject access request');

    const recorded = await testApp.database.knex('audit_log').where({ org_id: org.orgId, action: 'access' });
    expect(recorded).toHaveLength(1);
    expect(JSON.stringify(recorded)).not.toContain('rosa');
  });

  it('when the address belongs to no contact, then the ZIP still holds the mail they were on', async ({
    org,
  }) => {
    const us = { email: org.adminUser.email, name: 'Ada Admin' };
    const deal = await createOpportunity(org.admin, { name: 'Walk-in' });
    const filed = await fileEmail(
      org.admin,
      emailToFile({
        from: { email: 'no.contact@walk-in-access.example', name: 'No Contact' },
        to: [us],
        links: [{ type: 'opportunity', id: deal.id }],
      }),
    );
    const files = await accessZip(org.admin, { email: 'no.contact@walk-in-access.example' });
    expect(JSON.parse(strFromU8(files['person.json']!)).contacts).toEqual([]);
    expect(lines(files, 'emails.jsonl').map((email) => email.id)).toEqual([filed.body.id]);
  });

  it('when someone other than an admin asks, or for another organisation’s contact, then nothing is answered', async ({
    org,
    rep,
    testApp,
  }) => {
    const rosa = await createContact(org.admin, {
      firstName: 'Rosa',
      lastName: 'Linden',
      emails: ['rosa@elsewhere-access.example'],
    });
    expect((await rep.client.post('/api/v1/privacy/access-requests', { contactId: rosa.id })).status).toBe(
      403,
    );
    const other = await createTestOrganisation(testApp);
    expect((await other.admin.post('/api/v1/privacy/access-requests', { contactId: rosa.id })).status).toBe(
      404,
    );
    expect((await org.admin.post('/api/v1/privacy/access-requests', {})).status).toBe(400);
  });
});
