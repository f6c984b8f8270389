import { strFromU8, unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { createCustomer } from '../support/customer.js';
import { createContact, emailToFile, fileEmail } from '../support/fixtures.js';
import { createTestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';

const jsonLines = (files: Record<string, Uint8Array>, name: string) =>
  strFromU8(files[name]!)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the full export', () => {
  it('when an admin downloads it, then every table the organisation owns is there as CSV and JSON Lines with its attachment files and a README, and nothing of another organisation or of anyone’s credentials', async ({
    org,
    testApp,
  }) => {
    const customer = await createCustomer(org.admin);
    const pdf = Buffer.from('%PDF-1.4 the signed order');
    const filed = await fileEmail(
      org.admin,
      emailToFile({
        subject: 'Signed order',
        attachments: [
          {
            name: 'order.pdf',
            contentType: 'application/pdf',
            size: pdf.length,
            content: pdf.toString('base64'),
          },
        ],
        links: [{ type: 'contact', id: customer.contact.id }],
      }),
    );
    const consent = await org.admin.post(`/api/v1/contacts/${customer.contact.id}/consents`, {
      purpose: 'newsletter',
      state: 'opt_out',
      source: 'Phone call',
    });
    expect(consent.status).toBe(201);
    const other = await createTestOrganisation(testApp);
    await createContact(other.admin, {
      firstName: 'Someone',
      lastName: 'Elsewhere',
      emails: ['x@elsewhere.example'],
    });

    const download = await org.admin.download('/api/v1/exports/organisation');
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(String(download.headers['content-disposition'])).toMatch(
      /^attachment; filename="inbox-crm-export-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const files = unzipSync(new Uint8Array(download.bytes));
    const names = Object.keys(files);
    for (const table of ['contacts', 'contact_emails', 'accounts', 'opportunities', 'cases', 'activities']) {
      expect(names).toEqual(expect.arrayContaining([`${table}.csv`, `${table}.jsonl`]));
    }
    for (const table of [
      'email_messages',
      'activity_links',
      'tasks',
      'consent_entries',
      'audit_log',
      'organisations',
    ]) {
      expect(names).toContain(`${table}.jsonl`);
    }
    expect(names).not.toContain('sessions.csv');
    expect(names).not.toContain('activity_search.csv');

    const contacts = jsonLines(files, 'contacts.jsonl');
    expect(contacts).toEqual([
      expect.objectContaining({ id: customer.contact.id, first_name: 'Priya', last_name: 'Raman' }),
    ]);
    expect(contacts[0]).not.toHaveProperty('search_vector');
    const csv = strFromU8(files['contacts.csv']!).split('\n');
    expect(csv[0]).toMatch(/^org_id,id,first_name,last_name,/);
    expect(csv[1]).toContain('Priya,Raman');
    expect(jsonLines(files, 'consent_entries.jsonl')).toEqual([
      expect.objectContaining({ contact_id: customer.contact.id, purpose: 'newsletter', state: 'opt_out' }),
    ]);
    const email = jsonLines(files, 'email_messages.jsonl').find((row) => row.activity_id === filed.body.id)!;
    expect(email.attachments).toEqual([expect.objectContaining({ name: 'order.pdf' })]);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(Buffer.from(files[`attachments/${sha}`]!).equals(pdf)).toBe(true);

    const users = jsonLines(files, 'users.jsonl');
    expect(users.map((user) => user.email)).toEqual([org.adminUser.email]);
    expect(users[0]).not.toHaveProperty('password_hash');
    expect(jsonLines(files, 'organisations.jsonl')).toEqual([expect.objectContaining({ id: org.orgId })]);
    const everything = names.map((name) => strFromU8(files[name]!, true)).join('\n');
    expect(everything).not.toContain('Elsewhere');
    expect(everything).not.toContain(other.orgId);

    const readme = strFromU8(files['README.md']!);
    expect(readme).toContain('## contacts');
    expect(readme).toContain('| first_name | text | no |');
  });

  it('when someone other than an admin asks, then there is no export', async ({ rep, manager }) => {
    expect((await rep.client.get('/api/v1/exports/organisation')).status).toBe(403);
    expect((await manager.client.get('/api/v1/exports/organisation')).status).toBe(403);
  });
});
