import type { ActivityHit, ActivitySearchResult } from '@inbox-crm/shared';
import { createAccount, createContact, emailToFile, fileEmail } from '../support/fixtures.js';
import type { Client } from '../support/http.js';
import { describe, expect, it } from '../support/suite.js';

type Reply = { status: number; body: ActivitySearchResult & { error?: string; message?: string } };

const searchFor = (client: Client, params: Record<string, string | string[]>) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    for (const one of Array.isArray(value) ? value : [value]) query.append(key, one);
  return client.get(`/api/v1/search/activities?${query}`) as Promise<Reply>;
};

/** The ids found, in the order given. */
const found = async (client: Client, params: Record<string, string | string[]>) => {
  const reply = await searchFor(client, params);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.items.map((hit) => hit.id);
};

const marked = (text: ActivityHit['snippet']) =>
  text.highlights.map(({ start, length }) => text.text.slice(start, start + length));

async function customer(client: Client, address = 'hank@globex.example') {
  const account = await createAccount(client, { name: `Globex ${Math.random()}` });
  const contact = await createContact(client, {
    firstName: 'Hank',
    lastName: 'Scorpio',
    accountId: account.id,
    emails: [address],
  });
  return { account, contact, links: [{ type: 'contact' as const, id: contact.id }] };
}

describe('searching correspondence by its words', () => {
  it('when words are in a subject, body, participant or attachment name, then the email is found, accents and case aside', async ({
    org,
  }) => {
    const { links } = await customer(org.admin);
    const { body: email } = await fileEmail(
      org.admin,
      emailToFile({
        subject: 'Réunion über den Prüfbericht',
        bodyText: 'Dear team,\n\nThe liability clause in section 7 caps damages at the contract value.\n',
        from: { email: 'hank@globex.example', name: 'Hank Scorpio' },
        to: [{ email: 'legal@ourco.example', name: 'Lena Legal' }],
        attachments: [{ name: 'Indemnity-draft.docx', contentType: 'application/msword', size: 1200 }],
        links,
      }),
    );
    for (const q of [
      'reunion',
      'PRUFBERICHT',
      'Prüfbericht',
      'liability clause',
      'scorpio',
      'lena',
      'hank@globex.example',
      'indemnity',
    ]) {
      expect(await found(org.admin, { q }), q).toEqual([email.id]);
    }
    expect(await found(org.admin, { q: 'liabil' }), 'the last word is a prefix').toEqual([email.id]);
    expect(await found(org.admin, { q: 'liabil ' }), 'unless a space follows it').toEqual([]);
    expect(await found(org.admin, { q: 'liability absentword' }), 'every word must match').toEqual([]);
  });

  it('when a query has a phrase or leaves a word out, then only the emails that fit are found', async ({
    org,
  }) => {
    const { links } = await customer(org.admin);
    const inOrder = await fileEmail(
      org.admin,
      emailToFile({ subject: 'Terms', bodyText: 'the notice period is ninety days', links }),
    );
    const apart = await fileEmail(
      org.admin,
      emailToFile({ subject: 'Terms', bodyText: 'period of notice: ninety days', links }),
    );
    const draft = await fileEmail(
      org.admin,
      emailToFile({ subject: 'Terms draft', bodyText: 'notice period tbd', links }),
    );
    const ids = (q: string) => found(org.admin, { q, sort: 'newest' });
    expect((await ids('"notice period"')).sort()).toEqual([inOrder.body.id, draft.body.id].sort());
    expect((await ids('notice period')).sort()).toEqual(
      [inOrder.body.id, apart.body.id, draft.body.id].sort(),
    );
    expect((await ids('"notice period" -draft')).sort()).toEqual([inOrder.body.id]);
    expect((await ids('notice -"notice period"')).sort()).toEqual([apart.body.id]);
  });

  it('when a Japanese subject holds the words searched for, then it is found by any part of them', async ({
    org,
  }) => {
    const { links } = await customer(org.admin);
    const { body: email } = await fileEmail(
      org.admin,
      emailToFile({ subject: '本日の会議の議事録です', bodyText: null, bodyHtml: null, links }),
    );
    for (const q of ['議事録', '会議', '議', 'の議事'])
      expect(await found(org.admin, { q }), q).toEqual([email.id]);
    expect(await found(org.admin, { q: '議事会' })).toEqual([]);
  });

  it('when an email matches, then the hit marks the words in its subject and in a snippet of its body', async ({
    org,
  }) => {
    const { links } = await customer(org.admin);
    const filler = 'Nothing of note here. '.repeat(60);
    await fileEmail(
      org.admin,
      emailToFile({
        subject: 'Contract review',
        bodyText: `${filler}\nWe agreed the Liability clause yesterday.\n${filler}`,
        links,
      }),
    );
    const [hit] = (await searchFor(org.admin, { q: 'liability contract' })).body.items;
    expect(marked(hit!.subject)).toEqual(['Contract']);
    expect(marked(hit!.snippet)).toEqual(['Liability']);
    expect(hit!.snippet.text).toMatch(/^….*We agreed the Liability clause yesterday\..*…$/);
    expect(hit!.links).toEqual([expect.objectContaining({ type: 'contact', name: 'Hank Scorpio' })]);
    expect(hit!.attachments).toEqual(['quote.pdf']);
  });

  it('when one email has the words in its subject and another only in passing, then the subject match ranks first; pages follow by cursor', async ({
    org,
  }) => {
    const { links } = await customer(org.admin);
    const passing = await fileEmail(
      org.admin,
      emailToFile({
        subject: 'Weekly update',
        bodyText: `${'Status is green. '.repeat(40)} Also: escrow.`,
        links,
      }),
    );
    const subject = await fileEmail(
      org.admin,
      emailToFile({ subject: 'Escrow arrangement', bodyText: 'See the escrow terms.', links }),
    );
    expect(await found(org.admin, { q: 'escrow' })).toEqual([subject.body.id, passing.body.id]);

    const many: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { body } = await fileEmail(
        org.admin,
        emailToFile({ subject: `Invoice ${i}`, bodyText: 'invoice attached', links }),
      );
      many.push(body.id);
    }
    for (const sort of ['relevance', 'newest']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Reply = await searchFor(org.admin, {
          q: 'invoice',
          sort,
          limit: '2',
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.body.items.map((hit) => hit.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.sort(), sort).toEqual([...many].sort());
    }
  });

  it('when notes, calls and meetings hold the words, then they are found too, and counted by kind', async ({
    org,
  }) => {
    const { links } = await customer(org.admin);
    const note = await org.admin.post('/api/v1/activities', {
      type: 'note',
      subject: 'Budget',
      body: 'Budget approved for Q3',
      links,
    });
    const call = await org.admin.post('/api/v1/activities', {
      type: 'call',
      subject: 'Budget call',
      body: 'talked budget',
      links,
    });
    const email = await fileEmail(
      org.admin,
      emailToFile({ subject: 'Budget', bodyText: 'budget attached', links }),
    );
    const reply = await searchFor(org.admin, { q: 'budget', counts: 'true' });
    expect(reply.body.items.map((hit) => hit.id).sort()).toEqual(
      [note.body.id, call.body.id, email.body.id].sort(),
    );
    expect(reply.body.counts).toEqual({
      email: { value: 1, capped: false },
      call: { value: 1, capped: false },
      meeting: { value: 0, capped: false },
      note: { value: 1, capped: false },
    });
    expect(reply.body.total).toEqual({ value: 3, capped: false });
    expect(await found(org.admin, { q: 'budget', kind: ['note', 'call'] })).toHaveLength(2);
    expect(await found(org.admin, { q: 'budget', kind: 'note' })).toEqual([note.body.id]);
  });
});

describe('filters', () => {
  it('when scoped to an account, then its own and its contacts’ correspondence is searched, and nothing else', async ({
    org,
  }) => {
    const { account, contact } = await customer(org.admin);
    const other = await customer(org.admin, 'hank@other.example');
    const onAccount = await fileEmail(
      org.admin,
      emailToFile({ subject: 'Pricing', links: [{ type: 'account', id: account.id }] }),
    );
    const onContact = await fileEmail(
      org.admin,
      emailToFile({ subject: 'Pricing', links: [{ type: 'contact', id: contact.id }] }),
    );
    await fileEmail(org.admin, emailToFile({ subject: 'Pricing', links: other.links }));
    const scoped = (recordType: string, recordId: string) =>
      found(org.admin, { q: 'pricing', recordType, recordId });
    expect((await scoped('account', account.id)).sort()).toEqual(
      [onAccount.body.id, onContact.body.id].sort(),
    );
    expect(await scoped('contact', contact.id)).toEqual([onContact.body.id]);
    const missing = await searchFor(org.admin, {
      q: 'pricing',
      recordType: 'account',
      recordId: '0190a0a0-0000-7000-8000-000000000000',
    });
    expect(missing.status).toBe(404);
    const half = await searchFor(org.admin, { q: 'pricing', recordType: 'account' });
    expect(half.status).toBe(400);
  });

  it('when filtered by who filed it, a participant, dates or attachments, then only those are found', async ({
    org,
  }) => {
    const { links } = await customer(org.admin);
    const { client: rep, user: repUser } = await org.addUser('member');
    const early = await fileEmail(
      org.admin,
      emailToFile({
        subject: 'Shipment',
        sentAt: '2025-01-10T10:00:00.000Z',
        from: { email: 'ops@mail.initech.example', name: 'Ops' },
        attachments: [],
        links,
      }),
    );
    const late = await fileEmail(
      rep,
      emailToFile({ subject: 'Shipment', sentAt: '2026-06-10T10:00:00.000Z', links }),
    );
    const q = 'shipment';
    expect(await found(org.admin, { q, filedBy: repUser.id })).toEqual([late.body.id]);
    expect(await found(org.admin, { q, participant: 'ops@mail.initech.example' })).toEqual([early.body.id]);
    expect(await found(org.admin, { q, participant: 'initech.example' }), 'the registrable domain').toEqual([
      early.body.id,
    ]);
    expect(await found(org.admin, { q, participant: 'jane.doe@acme.example' })).toEqual([late.body.id]);
    expect(await found(org.admin, { q, since: '2026-01-01T00:00:00Z' })).toEqual([late.body.id]);
    expect(await found(org.admin, { q, until: '2026-01-01T00:00:00Z' }), 'no limit on how far back').toEqual([
      early.body.id,
    ]);
    expect(await found(org.admin, { q, hasAttachments: 'true' })).toEqual([late.body.id]);
    expect(await found(org.admin, { q, hasAttachments: 'false' })).toEqual([early.body.id]);
  });
});

describe('keeping up with changes', () => {
  it('when a contact is merged into another, then its mail is found within the kept contact', async ({
    org,
  }) => {
    const kept = await createContact(org.admin, {
      firstName: 'Jane',
      lastName: 'Kept',
      emails: ['jane@kept.example'],
    });
    const duplicate = await createContact(org.admin, {
      firstName: 'Jane',
      lastName: 'Copy',
      emails: ['jane@copy.example'],
    });
    const { body: email } = await fileEmail(
      org.admin,
      emailToFile({ subject: 'Onboarding plan', links: [{ type: 'contact', id: duplicate.id }] }),
    );
    const within = (id: string) => found(org.admin, { q: 'onboarding', recordType: 'contact', recordId: id });
    expect(await within(kept.id)).toEqual([]);
    const merged = await org.admin.post(`/api/v1/contacts/${kept.id}/merge`, {
      version: kept.version,
      duplicateId: duplicate.id,
      duplicateVersion: duplicate.version,
      takeFromDuplicate: [],
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(await within(kept.id)).toEqual([email.id]);
    expect(await within(duplicate.id)).toEqual([]);
  });
});

describe('privacy', () => {
  it('when an email is private, then only its filer, their team’s manager and admins find it; another organisation never', async ({
    org,
    testApp,
  }) => {
    const { links } = await customer(org.admin);
    const team = await org.admin.post('/api/v1/teams', { name: `Team ${Math.random()}` });
    const { client: filer } = await org.addUser('member', { teamId: team.body.id });
    const { client: sameTeamMember } = await org.addUser('member', { teamId: team.body.id });
    const { client: manager } = await org.addUser('manager', { teamId: team.body.id });
    const { client: otherManager } = await org.addUser('manager');
    const { body: email } = await fileEmail(
      filer,
      emailToFile({
        subject: 'Salary review',
        bodyText: 'Strictly between us: a raise.',
        private: true,
        links,
      }),
    );
    const finds = async (client: Client) =>
      (await found(client, { q: 'salary raise', counts: 'true' })).includes(email.id);
    expect(await finds(filer)).toBe(true);
    expect(await finds(manager)).toBe(true);
    expect(await finds(org.admin)).toBe(true);
    expect(await finds(sameTeamMember)).toBe(false);
    expect(await finds(otherManager)).toBe(false);
    const counted = await searchFor(sameTeamMember, { q: 'salary', counts: 'true' });
    expect(counted.body.counts!.email.value, 'counts do not reveal it either').toBe(0);

    const { createTestOrganisation } = await import('../support/organisation.js');
    const stranger = await createTestOrganisation(testApp);
    await fileEmail(
      stranger.admin,
      emailToFile({ subject: 'Salary review', links: (await customer(stranger.admin)).links }),
    );
    expect(await found(stranger.admin, { q: 'salary' })).not.toContain(email.id);
    expect(await found(org.admin, { q: 'salary' })).toEqual([email.id]);
  });

  it('when an email is deleted or unfiled from every record, then it is not found; restored or filed again, it is', async ({
    org,
  }) => {
    const { links, account } = await customer(org.admin);
    const filing = emailToFile({ subject: 'Warranty claim', links });
    const { body: email } = await fileEmail(org.admin, filing);
    const finds = async () => (await found(org.admin, { q: 'warranty' })).includes(email.id);
    expect(await finds()).toBe(true);
    await org.admin.delete(`/api/v1/emails/${email.id}`);
    expect(await finds()).toBe(false);
    await org.admin.post(`/api/v1/activities/${email.id}/restore`);
    expect(await finds()).toBe(true);

    const unlink = await org.admin.delete(`/api/v1/emails/${email.id}/links/contact/${links[0]!.id}`);
    expect(unlink.status, JSON.stringify(unlink.body)).toBe(200);
    expect(await finds()).toBe(false);
    await fileEmail(org.admin, { ...filing, links: [{ type: 'account', id: account.id }] });
    expect(await finds()).toBe(true);
  });
});

describe('hostile and outsized input', () => {
  it('when a query is punctuation alone, only exclusions, 10,000 characters or a forged cursor, then the answer is a 400 in our shape', async ({
    org,
  }) => {
    for (const q of ['?!*&|:()<>\'"\\', '-draft', 'x'.repeat(10_000), '']) {
      const reply = await searchFor(org.admin, { q });
      expect(reply.status, q.slice(0, 20)).toBe(400);
      expect(reply.body).toEqual({
        error: 'validation_failed',
        message: expect.any(String),
        details: expect.any(Array),
      });
    }
    for (const cursor of ['garbage', Buffer.from('score|NaN|x').toString('base64url')]) {
      const reply = await searchFor(org.admin, { q: 'word', cursor });
      expect(reply.status).toBe(400);
    }
    const tsquerySyntax = await searchFor(org.admin, { q: "a:* & !b | 'c' <-> (d" });
    expect(tsquerySyntax.status).toBe(200);
  });

  it('when filters are malformed in ways the formats let through, then the answer is a 400, never a 500', async ({
    org,
  }) => {
    const cases: Record<string, string>[] = [
      { q: `${'a'.repeat(63)}𐌰` },
      { q: 'word', filedBy: 'urn:uuid:01900000-0000-7000-8000-000000000000' },
      { q: 'word', participant: '😀'.repeat(200) },
      { q: 'word', since: '2016-12-31T23:59:60Z' },
      {
        q: 'word',
        sort: 'newest',
        cursor: Buffer.from('-200000-01-01T00:00:00.000Z|01900000-0000-7000-8000-000000000000').toString(
          'base64url',
        ),
      },
    ];
    for (const params of cases) {
      const reply = await searchFor(org.admin, params);
      expect([200, 400], JSON.stringify(params)).toContain(reply.status);
      if (reply.status === 400) expect(reply.body.error).toBe('validation_failed');
    }
  });

  it('when a body repeats one character for pages and the query repeats a phrase of it, then the answer is still quick', async ({
    org,
  }) => {
    const { links } = await customer(org.admin);
    const note = await org.admin.post('/api/v1/activities', {
      type: 'note',
      body: '会'.repeat(50_000),
      links,
    });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    const q = Array.from({ length: 15 }, () => `会会 "${'会'.repeat(17)}"`).join(' ');
    const started = Date.now();
    const reply = await searchFor(org.admin, { q });
    expect(reply.status).toBe(200);
    expect(reply.body.items.map((hit) => hit.id)).toEqual([note.body.id]);
    // Not a timing test: seconds of margin, where the unbounded marking took minutes.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('when an email names hundreds of long addresses and a long unbroken Japanese body, then it is filed and found', async ({
    org,
  }) => {
    const { links } = await customer(org.admin);
    const long = (n: number) => ({
      email: `${'x'.repeat(60)}${n}@${'h'.repeat(60)}${n}.example.com`,
      name: null,
    });
    const body = Array.from({ length: 3000 }, (_, i) =>
      String.fromCharCode(0x4e00 + ((i * 7919) % 20000)).repeat(40),
    ).join(' ');
    const reply = await org.admin.post(
      '/api/v1/emails',
      emailToFile({
        subject: 'Recipients galore',
        to: Array.from({ length: 500 }, (_, i) => long(i)),
        cc: Array.from({ length: 500 }, (_, i) => long(1000 + i)),
        bodyText: `${'会'.repeat(200_000)} ${body}`.slice(0, 900_000),
        bodyHtml: null,
        links,
      }),
    );
    expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBe(201);
    expect(await found(org.admin, { q: 'galore' })).toEqual([reply.body.id]);
  });

  it('when an email has a 3 MB body, then it is filed and found by its words', async ({ org }) => {
    const { links } = await customer(org.admin);
    const paragraph = '<p>Quarterly figures attached, with commentary on each region and product line.</p>';
    const html = `<p>Opening remarks on the zanzibar acquisition.</p>${paragraph.repeat(Math.floor(2_990_000 / paragraph.length))}`;
    expect(html.length).toBeGreaterThan(2_900_000);
    const { body: email } = await fileEmail(
      org.admin,
      emailToFile({ subject: 'Big report', bodyText: null, bodyHtml: html, links }),
    );
    const reply = await searchFor(org.admin, { q: 'zanzibar acquisition' });
    expect(reply.body.items.map((hit) => hit.id)).toEqual([email.id]);
    expect(marked(reply.body.items[0]!.snippet)).toEqual(['zanzibar', 'acquisition']);
  });
});
