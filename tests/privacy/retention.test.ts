import type { Email, Organisation } from '@inbox-crm/shared';
import { createAccount, emailToFile, fileEmail } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { DAY_MS, MINUTE_MS } from '../support/time.js';
import { describe, expect, test } from '../support/suite.js';

// The worker sweeps every organisation of its database, by its own clock: a database of this file's own.
test.override('appOptions', { isolated: true });
const it = test;

async function settle(client: Client, changes: Partial<Organisation>): Promise<void> {
  const current = (await client.get('/api/v1/organisation')).body as Organisation;
  const saved = await client.patch('/api/v1/organisation', { version: current.version, ...changes });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

const PDF = Buffer.from('%PDF-1.4 old invoice');
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

describe('keeping mail for a while', () => {
  it('when mail passes the retention months, then its bodies and files go (or the whole email, when asked) and search no longer finds its words; newer mail stays whole', async ({
    org,
    scheduler,
  }) => {
    const account = await createAccount(org.admin, { name: 'Retained', domains: ['retained.example'] });
    const links = [{ type: 'account' as const, id: account.id }];
    const now = scheduler.clock.now();
    const old = await fileEmail(
      org.admin,
      emailToFile({
        sentAt: daysAgo(now, 730),
        bodyText: 'The quokkaberry order from two years ago.',
        bodyHtml: null,
        attachments: [
          {
            name: 'invoice.pdf',
            contentType: 'application/pdf',
            size: PDF.length,
            content: PDF.toString('base64'),
          },
        ],
        links,
      }),
    );
    const recent = await fileEmail(
      org.admin,
      emailToFile({
        sentAt: daysAgo(now, 60),
        bodyText: 'The quokkaberry order from this spring.',
        bodyHtml: null,
        links,
      }),
    );
    await settle(org.admin, { retentionMonths: 12, retentionAction: 'remove_content' });
    await scheduler.worker.drain();

    const stripped = (await org.admin.get<Email>(`/api/v1/emails/${old.body.id}`)).body;
    expect(stripped).toMatchObject({
      bodyText: null,
      bodyHtml: null,
      attachments: [],
      contentRemoved: 'retention',
    });
    expect(stripped.subject).toBe(old.body.subject);
    expect((await org.admin.download(`/api/v1/emails/${old.body.id}/attachments/0`)).status).toBe(404);
    const kept = (await org.admin.get<Email>(`/api/v1/emails/${recent.body.id}`)).body;
    expect(kept).toMatchObject({ bodyText: 'The quokkaberry order from this spring.', contentRemoved: null });
    const found = await org.admin.get('/api/v1/search/activities?q=quokkaberry');
    expect(found.body.items.map((hit: { id: string }) => hit.id)).toEqual([recent.body.id]);

    await settle(org.admin, { retentionMonths: 1, retentionAction: 'delete' });
    scheduler.clock.advance(11 * MINUTE_MS);
    await scheduler.worker.drain();
    expect((await org.admin.get(`/api/v1/emails/${recent.body.id}`)).status).toBe(404);
    expect((await org.admin.get(`/api/v1/emails/${old.body.id}`)).status).toBe(200);
  });

  it('when the organisation keeps metadata only, then a new filing keeps its subject, people and dates, and no body or file', async ({
    org,
  }) => {
    const account = await createAccount(org.admin, { name: 'Metadata', domains: ['metadata-only.example'] });
    await settle(org.admin, { metadataOnly: true });
    const filed = await fileEmail(
      org.admin,
      emailToFile({
        subject: 'Quarterly figures',
        bodyText: 'Confidential numbers',
        attachments: [
          {
            name: 'figures.xlsx',
            contentType: 'application/vnd.ms-excel',
            size: PDF.length,
            content: PDF.toString('base64'),
          },
        ],
        links: [{ type: 'account', id: account.id }],
      }),
    );
    expect(filed.body).toMatchObject({
      subject: 'Quarterly figures',
      bodyText: null,
      bodyHtml: null,
      attachments: [],
      contentRemoved: 'metadata_only',
      from: { email: 'jane.doe@acme.example' },
    });
    const settings = (await org.admin.get('/api/v1/organisation')).body as Organisation;
    expect(settings).toMatchObject({
      metadataOnly: true,
      retentionMonths: null,
      retentionAction: 'remove_content',
    });
  });

  it('when a member tries to change how long mail is kept, then it is refused', async ({ org, rep }) => {
    const current = (await org.admin.get('/api/v1/organisation')).body as Organisation;
    const refused = await rep.client.patch('/api/v1/organisation', {
      version: current.version,
      retentionMonths: 1,
    });
    expect(refused.status).toBe(403);
    const bad = await org.admin.patch('/api/v1/organisation', {
      version: current.version,
      retentionMonths: 0,
    });
    expect(bad.status).toBe(400);
  });
});
