import type { Knex } from 'knex';
import type { Email, ErasureResult } from '@inbox-crm/shared';
import {
  createAccount,
  createContact,
  createOpportunity,
  emailToFile,
  fileEmail,
} from '../support/fixtures.js';
import { Client } from '../support/http.js';
import type { TestOrganisation } from '../support/organisation.js';
import { describe, expect, it } from '../support/suite.js';

// A person with words no other test uses, so a search of the whole database finds only them.
const FIRST = 'Zephyrine';
const LAST = 'Quillfeather';
const WORK = 'zephyrine.q@acme-erasure.example';
const HOME = 'zq.home@mailbox-erasure.example';
const OLD = 'z.quill@acme-erasure.example';
const PHONE = '+442079460111';

const TEXT_TYPES = ['text', 'varchar', 'citext', 'jsonb', 'json', '_text', '_citext', 'tsvector'];

/**
 * Every column of every table that holds text (JSON, arrays and search vectors as their text),
 * and every binary column, searched for each word: where any is found, as `table.column: word`.
 */
async function whereTheyRemain(knex: Knex, words: readonly string[]): Promise<string[]> {
  const { rows: columns } = await knex.raw<{
    rows: { table_name: string; column_name: string; udt_name: string }[];
  }>(
    `SELECT c.table_name, c.column_name, c.udt_name FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND (c.udt_name = ANY(?) OR c.udt_name = 'bytea')`,
    [TEXT_TYPES],
  );
  expect(columns.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const { table_name: table, column_name: column, udt_name: type } of columns) {
    for (const word of words) {
      const condition =
        type === 'bytea'
          ? `position(convert_to(?, 'UTF8') in "${column}") > 0`
          : `lower(CAST("${column}" AS text)) LIKE '%' || lower(?) || '%'`;
      const { rows } = await knex.raw<{ rows: unknown[] }>(
        `SELECT 1 FROM "${table}" WHERE ${condition} LIMIT 1`,
        [word],
      );
      if (rows.length > 0) found.push(`${table}.${column}: ${word}`);
    }
  }
  return found;
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Zephyrine's life in the CRM: two contacts (one merged in), mail, notes, tasks, a deal, a case. */
async function zephyrinesRecords(org: TestOrganisation) {
  const us = { email: org.adminUser.email, name: 'Ada Admin' };
  const acme = await createAccount(org.admin, { name: 'Acme Erasure', domains: ['acme-erasure.example'] });
  const zephyrine = await createContact(org.admin, {
    firstName: FIRST,
    lastName: LAST,
    accountId: acme.id,
    emails: [WORK, HOME],
    phones: [{ number: '+44 20 7946 0111', label: 'mobile' }],
  });
  const duplicate = await createContact(org.admin, { firstName: FIRST, lastName: LAST, emails: [OLD] });
  const merged = await org.admin.post(`/api/v1/contacts/${zephyrine.id}/merge`, {
    version: zephyrine.version,
    duplicateId: duplicate.id,
    duplicateVersion: duplicate.version,
    takeFromDuplicate: [],
  });
  expect(merged.status, JSON.stringify(merged.body)).toBe(200);
  const bob = await createContact(org.admin, {
    firstName: 'Bob',
    lastName: 'Stays',
    accountId: acme.id,
    emails: ['bob.stays@acme-erasure.example'],
  });
  const deal = await createOpportunity(org.admin, {
    name: `${LAST} renewal`,
    accountId: acme.id,
    contactId: zephyrine.id,
  });
  const toThem = [{ type: 'contact' as const, id: zephyrine.id }];

  const alone = await fileEmail(
    org.admin,
    emailToFile({
      subject: 'My passport scan',
      from: { email: WORK, name: `${FIRST} ${LAST}` },
      to: [us],
      bodyText: `Here it is. ${FIRST}`,
      bodyHtml: `<p>Here it is. ${FIRST}</p>`,
      attachments: [
        {
          name: `${LAST}-passport.txt`,
          contentType: 'text/plain',
          size: 27,
          content: base64(`Passport of ${FIRST} ${LAST}`),
        },
      ],
      links: toThem,
    }),
  );
  const sentToThem = await fileEmail(
    org.admin,
    emailToFile({
      subject: 'Your renewal',
      from: us,
      to: [{ email: HOME, name: `${LAST}, ${FIRST}` }],
      bodyText: `Dear ${FIRST}, here is the quote.`,
      bodyHtml: null,
      attachments: [],
      links: [...toThem, { type: 'opportunity', id: deal.id }],
    }),
  );
  const shared = await fileEmail(
    org.admin,
    emailToFile({
      subject: `Meeting with ${FIRST} ${LAST}`,
      from: { email: 'bob.stays@acme-erasure.example', name: 'Bob Stays' },
      to: [us],
      cc: [{ email: WORK, name: `${FIRST} ${LAST}` }],
      bodyText: `${FIRST} ${LAST} (${WORK}, ${PHONE}) will join us. Bob`,
      bodyHtml: `<p>${FIRST} ${LAST} (<a href="mailto:${WORK}">${WORK}</a>) will join us. Bob</p>`,
      attachments: [],
      links: [...toThem, { type: 'contact', id: bob.id }, { type: 'account', id: acme.id }],
    }),
  );
  const note = await org.admin.post('/api/v1/activities', {
    type: 'note',
    body: `${FIRST} prefers calls after lunch.`,
    links: toThem,
  });
  const call = await org.admin.post('/api/v1/activities', {
    type: 'call',
    subject: `Call with ${FIRST} ${LAST}`,
    body: `Renewal terms agreed.\n${FIRST} ${LAST} signs next week.`,
    links: [...toThem, { type: 'account', id: acme.id }],
  });
  const aboutThem = await org.admin.post('/api/v1/activities', {
    type: 'note',
    body: `Board meeting: ${FIRST} ${LAST} will sign for Acme.`,
    links: [{ type: 'account', id: acme.id }],
  });
  const ownTask = await org.admin.post('/api/v1/tasks', {
    title: `Send ${FIRST} the brochure`,
    contactId: zephyrine.id,
  });
  const dealTask = await org.admin.post('/api/v1/tasks', {
    title: `Chase ${LAST} for the signature`,
    contactId: zephyrine.id,
    opportunityId: deal.id,
  });
  const kase = await org.admin.post('/api/v1/cases', {
    subject: `${FIRST} ${LAST} cannot sign in`,
    description: `Reported by ${WORK}`,
    accountId: acme.id,
    contactId: zephyrine.id,
  });
  const consent = await org.admin.post(`/api/v1/contacts/${zephyrine.id}/consents`, {
    purpose: 'newsletter',
    state: 'opt_in',
    source: 'Website',
    wording: `Yes, ${FIRST} wants the newsletter.`,
  });
  for (const reply of [note, call, aboutThem, ownTask, dealTask, kase, consent]) {
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  }
  const viewed = await org.admin.post('/api/v1/recent-views', { type: 'contact', id: zephyrine.id });
  expect(viewed.status).toBeLessThan(300);
  return {
    zephyrine,
    bob,
    acme,
    deal,
    alone: alone.body,
    sentToThem: sentToThem.body,
    shared: shared.body,
    note: note.body as { id: string },
    call: call.body as { id: string },
    aboutThem: aboutThem.body as { id: string },
    ownTask: ownTask.body as { id: string },
    dealTask: dealTask.body as { id: string },
    kase: kase.body as { id: string },
  };
}

describe('forgetting a person', () => {
  it('when the person has common names, then only what concerns them loses them: others’ records keep the same words', async ({
    org,
  }) => {
    const us = { email: org.adminUser.email, name: 'Ada Admin' };
    const acme = await createAccount(org.admin, { name: 'Acme Wide', domains: ['acme-wide.example'] });
    const will = await createContact(org.admin, {
      firstName: 'Will',
      lastName: 'Smith',
      accountId: acme.id,
      emails: ['will.smith@acme-wide.example'],
    });
    await fileEmail(
      org.admin,
      emailToFile({
        subject: 'Will is here',
        from: { email: 'will.smith@acme-wide.example', name: 'Will Smith | Acme Wide' },
        to: [us],
        links: [{ type: 'contact', id: will.id }],
      }),
    );
    const unrelated = await org.admin.post('/api/v1/tasks', {
      title: 'Will call back: Smith & Co order',
      notes: 'Acme Wide renewal',
      accountId: acme.id,
    });
    const deal = await createOpportunity(org.admin, { name: 'Acme Wide renewal', accountId: acme.id });
    const erased = await org.admin.post<ErasureResult>('/api/v1/privacy/erasures', { contactId: will.id });
    expect(erased.body).toMatchObject({ emailsDeleted: 1, contactsDeleted: 1 });
    const task = await org.admin.get(`/api/v1/tasks/${unrelated.body.id}`);
    expect(task.body).toMatchObject({
      title: 'Will call back: Smith & Co order',
      notes: 'Acme Wide renewal',
      version: 1,
    });
    expect((await org.admin.get(`/api/v1/opportunities/${deal.id}`)).body.name).toBe('Acme Wide renewal');
  });

  it('when an admin erases a contact, then nothing in any table names them, and what others share stays without them', async ({
    org,
    testApp,
  }) => {
    const their = await zephyrinesRecords(org);
    const words = [FIRST, LAST, WORK, HOME, OLD, PHONE];
    expect((await whereTheyRemain(testApp.database.knex, words)).length).toBeGreaterThan(20);

    const erased = await org.admin.post<ErasureResult>('/api/v1/privacy/erasures', {
      contactId: their.zephyrine.id,
    });
    expect(erased.status, JSON.stringify(erased.body)).toBe(201);
    expect(erased.body).toMatchObject({
      contactsDeleted: 2,
      addressesSuppressed: 3,
      emailsDeleted: 2,
      activitiesDeleted: 1,
      activitiesRedacted: 3,
      tasksDeleted: 1,
    });

    expect(await whereTheyRemain(testApp.database.knex, words)).toEqual([]);

    // What they alone were on is gone; what others share stays, without them.
    for (const gone of [their.alone.id, their.sentToThem.id, their.note.id]) {
      expect((await org.admin.get(`/api/v1/activities/${gone}`)).status).toBe(404);
    }
    expect((await org.admin.get(`/api/v1/contacts/${their.zephyrine.id}`)).status).toBe(404);
    const shared = await org.admin.get<Email>(`/api/v1/emails/${their.shared.id}`);
    expect(shared.status).toBe(200);
    expect(shared.body.subject).toBe('Meeting with [erased]');
    expect(shared.body.from.email).toBe('bob.stays@acme-erasure.example');
    expect(shared.body.cc).toEqual([{ email: 'erased@erased.invalid', name: null }]);
    expect(shared.body.bodyText).toBe('[erased] ([erased], [erased]) will join us. Bob');
    const bobsTimeline = await org.admin.get(`/api/v1/contacts/${their.bob.id}/timeline`);
    expect(bobsTimeline.body.items.map((entry: { id: string }) => entry.id)).toContain(their.shared.id);
    const call = await org.admin.get(`/api/v1/activities/${their.call.id}`);
    expect(call.body).toMatchObject({
      subject: 'Call with [erased]',
      body: 'Renewal terms agreed.\n[erased] signs next week.',
    });
    const dealTask = await org.admin.get(`/api/v1/tasks/${their.dealTask.id}`);
    expect(dealTask.body).toMatchObject({
      title: 'Chase [erased] for the signature',
      contactId: null,
      version: 2,
    });
    expect((await org.admin.get(`/api/v1/tasks/${their.ownTask.id}`)).status).toBe(404);
    const deal = await org.admin.get(`/api/v1/opportunities/${their.deal.id}`);
    expect(deal.body).toMatchObject({ name: '[erased] renewal', contactId: null });
    const kase = await org.admin.get(`/api/v1/cases/${their.kase.id}`);
    expect(kase.body).toMatchObject({ subject: '[erased] cannot sign in', contactId: null });

    // Search finds the shared mail by its other words, and nothing by theirs.
    const byBob = await org.admin.get('/api/v1/search/activities?q=join');
    expect(byBob.body.items.map((hit: { id: string }) => hit.id)).toContain(their.shared.id);
    const byThem = await org.admin.get(`/api/v1/search/activities?q=${LAST}`);
    expect(byThem.body.items).toEqual([]);

    // The audit log says an erasure happened, by whom, and how much: no personal data.
    const audit = await testApp.database
      .knex('audit_log')
      .where({ org_id: org.orgId, action: 'erase' })
      .select('actor_id', 'entity_type', 'after');
    expect(audit).toEqual([
      {
        actor_id: org.adminUser.id,
        entity_type: 'person',
        after: expect.objectContaining({ contactsDeleted: 2, emailsDeleted: 2 }),
      },
    ]);
  });

  it('when they are erased, then they are never made, filed or signed up again, and the sender view says so', async ({
    org,
    testApp,
  }) => {
    const zephyrine = await createContact(org.admin, { firstName: FIRST, lastName: LAST, emails: [WORK] });
    const erased = await org.admin.post('/api/v1/privacy/erasures', { contactId: zephyrine.id });
    expect(erased.status, JSON.stringify(erased.body)).toBe(201);

    const again = await org.admin.post('/api/v1/contacts', { firstName: 'Z', emails: [WORK.toUpperCase()] });
    expect(again.status, JSON.stringify(again.body)).toBe(422);
    expect(again.body.error).toBe('suppressed');
    const view = await org.admin.get(`/api/v1/lookup?email=${WORK}`);
    expect(view.body).toMatchObject({ match: 'none', reason: { kind: 'suppressed' } });
    expect(view.body.reason.text).toMatch(/asked to be forgotten/);

    const us = { email: org.adminUser.email, name: 'Ada Admin' };
    const elsewhere = await createAccount(org.admin, {
      name: 'Elsewhere',
      domains: ['elsewhere-erasure.example'],
    });
    const links = [{ type: 'account' as const, id: elsewhere.id }];
    const theirsAlone = await org.admin.post(
      '/api/v1/emails',
      emailToFile({ from: { email: WORK, name: `${FIRST} ${LAST}` }, to: [us], links }),
    );
    expect(theirsAlone.status).toBe(422);
    expect(theirsAlone.body.error).toBe('suppressed');
    const withBob = await fileEmail(
      org.admin,
      emailToFile({
        subject: `Lunch with ${FIRST}`,
        from: { email: 'bob@elsewhere-erasure.example', name: 'Bob' },
        to: [us, { email: WORK, name: `${FIRST} ${LAST}` }],
        bodyText: `${FIRST} ${LAST} is coming too.`,
        bodyHtml: null,
        attachments: [],
        links,
      }),
    );
    expect(withBob.body.subject).toBe('Lunch with [erased]');
    expect(withBob.body.to[1]).toEqual({ email: 'erased@erased.invalid', name: null });
    expect(withBob.body.bodyText).toBe('[erased] is coming too.');

    const token = await org.admin.post('/api/v1/api-tokens', { name: 'Website' });
    const website = new Client(testApp.app, token.body.token);
    const signUp = await website.post('/api/v1/consents', {
      email: WORK,
      purposes: ['newsletter'],
      state: 'opt_in',
      source: 'Website',
      wording: 'Yes please',
    });
    expect(signUp.status).toBe(422);
    expect(signUp.body.error).toBe('suppressed');
  });

  it('when an erased person is on a meeting being logged, then the meeting keeps nothing of them, and one with nobody else from outside is not logged', async ({
    org,
  }) => {
    const zephyrine = await createContact(org.admin, { firstName: FIRST, lastName: LAST, emails: [WORK] });
    expect((await org.admin.post('/api/v1/privacy/erasures', { contactId: zephyrine.id })).status).toBe(201);
    const us = { email: org.adminUser.email, name: 'Ada Admin' };
    const meeting = {
      subject: `Contract with ${FIRST} ${LAST}`,
      startsAt: '2026-11-24T09:30:00.000Z',
      endsAt: '2026-11-24T10:00:00.000Z',
      organizer: { email: WORK, name: `${FIRST} ${LAST}` },
      attendees: [us, { email: 'bob@elsewhere-meeting.example', name: 'Bob' }],
      location: `${FIRST}'s office`,
      notes: `${FIRST} brings the contract; mail ${WORK} the minutes.`,
      source: 'outlook' as const,
    };

    const logged = await org.admin.post<{ activity: { id: string; subject: string; body: string } }>(
      '/api/v1/meetings',
      meeting,
    );
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    const kept = JSON.stringify(logged.body).toLowerCase();
    expect(kept).not.toContain(FIRST.toLowerCase());
    expect(kept).not.toContain(LAST.toLowerCase());
    expect(kept).not.toContain(WORK);
    expect(logged.body.activity.subject).toBe('Contract with [erased]');
    expect(logged.body.activity.body).toContain('bob@elsewhere-meeting.example');

    const theirsAlone = await org.admin.post('/api/v1/meetings', {
      ...meeting,
      startsAt: '2026-11-25T09:30:00.000Z',
      endsAt: '2026-11-25T10:00:00.000Z',
      attendees: [us],
    });
    expect(theirsAlone.status).toBe(422);
    expect(theirsAlone.body.error).toBe('suppressed');
  });

  it('when an address with no contact is erased, then its mail goes and the address is suppressed; lifting it lets them back', async ({
    org,
  }) => {
    const us = { email: org.adminUser.email, name: 'Ada Admin' };
    const stranger = 'walk.in@nowhere-erasure.example';
    const deal = await createOpportunity(org.admin, { name: 'Walk-in sale' });
    const filed = await fileEmail(
      org.admin,
      emailToFile({
        from: { email: stranger, name: 'Walk In' },
        to: [us],
        links: [{ type: 'opportunity', id: deal.id }],
      }),
    );
    const erased = await org.admin.post<ErasureResult>('/api/v1/privacy/erasures', { email: stranger });
    expect(erased.body).toMatchObject({ contactsDeleted: 0, addressesSuppressed: 1, emailsDeleted: 1 });
    expect((await org.admin.get(`/api/v1/emails/${filed.body.id}`)).status).toBe(404);

    const check = await org.admin.post('/api/v1/privacy/suppressions/check', { email: stranger });
    expect(check.body).toEqual({ email: stranger, suppressed: true });
    const list = await org.admin.get('/api/v1/privacy/suppressions');
    expect(list.body.total).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain(stranger);
    expect(list.body.latest[0]).toMatchObject({ reason: 'erasure', createdBy: { name: 'Ada Admin' } });

    const lifted = await org.admin.post('/api/v1/privacy/suppressions/remove', { email: stranger });
    expect(lifted.body).toEqual({ email: stranger, suppressed: false });
    expect((await org.admin.post('/api/v1/contacts', { firstName: 'Walk', emails: [stranger] })).status).toBe(
      201,
    );
  });

  it('when someone other than an admin asks, or the contact is another organisation’s, then nothing is erased', async ({
    org,
    rep,
    testApp,
  }) => {
    const zephyrine = await createContact(org.admin, { firstName: FIRST, lastName: LAST, emails: [WORK] });
    expect((await rep.client.post('/api/v1/privacy/erasures', { contactId: zephyrine.id })).status).toBe(403);
    expect((await rep.client.get('/api/v1/privacy/suppressions')).status).toBe(403);
    const { createTestOrganisation } = await import('../support/organisation.js');
    const other = await createTestOrganisation(testApp);
    expect((await other.admin.post('/api/v1/privacy/erasures', { contactId: zephyrine.id })).status).toBe(
      404,
    );
    expect((await org.admin.post('/api/v1/privacy/erasures', {})).status).toBe(400);
    const colleague = await org.admin.post('/api/v1/privacy/erasures', { email: org.adminUser.email });
    expect(colleague.status).toBe(400);
    expect(colleague.body.details).toEqual([expect.objectContaining({ path: '/email' })]);
    expect((await org.admin.get(`/api/v1/contacts/${zephyrine.id}`)).status).toBe(200);
  });
});
