import { createAccount, createContact, emailToFile, fileEmail } from '../support/fixtures.js';
import { describe, expect, it } from '../support/suite.js';

describe('timelines', () => {
  it('list a record’s calls, notes and emails newest first, filtered by type and paged by cursor', async ({
    org,
  }) => {
    const account = await createAccount(org.admin, { name: 'Timeline Co' });
    const links = [{ type: 'account', id: account.id }];
    const made: { id: string; type: string; at: string }[] = [];
    for (let day = 1; day <= 9; day += 1) {
      const at = `2026-10-${String(day).padStart(2, '0')}T12:00:00.000Z`;
      if (day % 3 === 0) {
        const { body } = await fileEmail(org.admin, emailToFile({ sentAt: at, links: links as never }));
        made.push({ id: body.id, type: 'email', at });
      } else {
        const type = day % 3 === 1 ? 'call' : 'note';
        const { body } = await org.admin.post('/api/v1/activities', {
          type,
          occurredAt: at,
          body: `Entry ${day}`,
          links,
        });
        made.push({ id: body.id, type, at });
      }
    }
    const newestFirst = [...made].reverse();
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await org.admin.get(
        `/api/v1/accounts/${account.id}/timeline?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      pages.push(...page.body.items.map((entry) => entry.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual(newestFirst.map((entry) => entry.id));

    const calls = await org.admin.get(`/api/v1/accounts/${account.id}/timeline?type=call`);
    expect(calls.body.items.map((entry: { id: string }) => entry.id)).toEqual(
      newestFirst.filter((entry) => entry.type === 'call').map((entry) => entry.id),
    );
    const callsAndEmails = await org.admin.get(
      `/api/v1/accounts/${account.id}/timeline?type=call&type=email`,
    );
    expect(callsAndEmails.body.items).toHaveLength(6);
    expect(callsAndEmails.body.items[0]).toMatchObject({
      type: 'email',
      from: { email: 'jane.doe@acme.example', name: 'Jane Doe' },
      occurredAt: '2026-10-09T12:00:00.000Z',
    });
  });

  it('moves an activity in the timeline when its time changes', async ({ org }) => {
    const contact = await createContact(org.admin, { lastName: 'Mover' });
    const links = [{ type: 'contact', id: contact.id }];
    const early = await org.admin.post('/api/v1/activities', {
      type: 'note',
      occurredAt: '2026-01-01T00:00:00Z',
      links,
    });
    const late = await org.admin.post('/api/v1/activities', {
      type: 'note',
      occurredAt: '2026-06-01T00:00:00Z',
      links,
    });
    await org.admin.patch(`/api/v1/activities/${early.body.id}`, {
      version: 1,
      occurredAt: '2026-09-01T00:00:00Z',
    });
    const timeline = await org.admin.get(`/api/v1/contacts/${contact.id}/timeline`);
    expect(timeline.body.items.map((entry: { id: string }) => entry.id)).toEqual([
      early.body.id,
      late.body.id,
    ]);
  });
});

describe('timeline entries follow their activity', () => {
  it('shows an edited subject and body, and hides a deleted activity until it is restored', async ({
    org,
  }) => {
    const contact = await createContact(org.admin, { lastName: 'Editor' });
    const note = await org.admin.post('/api/v1/activities', {
      type: 'note',
      subject: 'Draft',
      body: 'First words',
      links: [{ type: 'contact', id: contact.id }],
    });
    await org.admin.patch(`/api/v1/activities/${note.body.id}`, {
      version: 1,
      subject: 'Final',
      body: 'Better words',
    });
    const timeline = () => org.admin.get(`/api/v1/contacts/${contact.id}/timeline`);
    expect((await timeline()).body.items).toEqual([
      expect.objectContaining({ id: note.body.id, subject: 'Final', snippet: 'Better words' }),
    ]);
    await org.admin.delete(`/api/v1/activities/${note.body.id}`);
    expect((await timeline()).body.items).toEqual([]);
    await org.admin.post(`/api/v1/activities/${note.body.id}/restore`);
    expect((await timeline()).body.items.map((entry: { id: string }) => entry.id)).toEqual([note.body.id]);
  });
});

describe('search', () => {
  it('finds records by word prefix, ignoring case and accents, across types', async ({ org }) => {
    const account = await createAccount(org.admin, {
      name: 'Société Générale des Crêpes',
      domains: ['crepes.example'],
    });
    const contact = await createContact(org.admin, {
      firstName: 'Renée',
      lastName: 'Müller',
      accountId: account.id,
      emails: ['renee@crepes.example'],
    });
    const opportunity = await org.admin.post('/api/v1/opportunities', {
      name: 'Crêpes franchise expansion',
      accountId: account.id,
    });
    const kase = await org.admin.post('/api/v1/cases', {
      subject: 'Crepe maker broken',
      accountId: account.id,
    });

    // The contact matches too, through its address at crepes.example.
    const hits = (await org.admin.get('/api/v1/search?q=CREP')).body.items as {
      type: string;
      id: string;
      detail: string;
    }[];
    expect(hits.map((hit) => hit.id).sort()).toEqual(
      [account.id, contact.id, opportunity.body.id, kase.body.id].sort(),
    );
    expect((await org.admin.get('/api/v1/search?q=renee%20mull')).body.items).toEqual([
      { type: 'contact', id: contact.id, name: 'Renée Müller', detail: 'Société Générale des Crêpes' },
    ]);
    expect(
      (await org.admin.get('/api/v1/search?q=renee@crepes')).body.items.map((hit: { id: string }) => hit.id),
    ).toEqual([contact.id]);
    const onlyCases = (await org.admin.get('/api/v1/search?q=crep&type=case')).body.items;
    expect(onlyCases).toEqual([
      { type: 'case', id: kase.body.id, name: 'Crepe maker broken', detail: 'New' },
    ]);
    expect((await org.admin.get('/api/v1/search?q=%26%7C!')).body.items).toEqual([]);
    expect((await org.admin.get('/api/v1/search?q=')).status).toBe(400);
  });
});
