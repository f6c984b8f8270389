import type { Account, Contact, Import } from '@inbox-crm/shared';
import { allRows, importCsv, runStep, uploadCsv, changeImport } from '../support/imports.js';
import { describe, expect, test } from '../support/suite.js';

// The import worker takes every organisation's imports from its database: a database of this file's own.
test.override('appOptions', { isolated: true });
const it = test;

const CONTACTS = [
  'E-mail Address,First Name,Last Name,Company,Job Title',
  'ada@lovelace.example,Ada,Lovelace,Analytical Engines,Countess',
  'charles@lovelace.example,Charles,Babbage,Analytical Engines,Inventor',
  'grace@navy.example,Grace,Hopper,US Navy,Rear Admiral',
].join('\n');

const contactsNamed = async (
  client: { get: (url: string) => Promise<{ body: { items: Contact[] } }> },
  q: string,
) => (await client.get(`/api/v1/contacts?q=${encodeURIComponent(q)}&limit=100`)).body.items;

describe('importing contacts from a CSV file', () => {
  it('when a file is uploaded, then its columns are read and mapped from their names', async ({ org }) => {
    const uploaded = await uploadCsv(org.admin, 'contact', CONTACTS);
    expect(uploaded).toMatchObject({
      status: 'uploaded',
      columns: ['E-mail Address', 'First Name', 'Last Name', 'Company', 'Job Title'],
      settings: {
        encoding: 'utf-8',
        delimiter: ',',
        mapping: { '0': 'email', '1': 'firstName', '2': 'lastName', '3': 'account', '4': 'title' },
      },
    });
    expect(uploaded.sample).toHaveLength(4);
  });

  it('when a dry run is made, then it reports each row and keeps nothing; the import then does exactly what it said', async ({
    org,
    scheduler,
  }) => {
    const uploaded = await uploadCsv(org.admin, 'contact', CONTACTS);
    const previewed = await runStep(org.admin, scheduler, uploaded.id, 'preview');
    expect(previewed).toMatchObject({
      status: 'previewed',
      rowsTotal: 3,
      preview: { create: 3, update: 0, unchanged: 0, refuse: 0, accountsCreated: 2 },
    });
    expect(await contactsNamed(org.admin, 'lovelace')).toHaveLength(0);
    const planned = await allRows(org.admin, uploaded.id, 'preview');

    const done = await runStep(org.admin, scheduler, uploaded.id, 'start');
    expect(done).toMatchObject({ status: 'done', result: previewed.preview });
    const outcomes = await allRows(org.admin, uploaded.id, 'import');
    const shape = (rows: typeof planned) => rows.map(({ recordId: _id, ...rest }) => rest);
    expect(shape(outcomes)).toEqual(shape(planned));

    const ada = (await contactsNamed(org.admin, 'ada lovelace'))[0]!;
    const charles = (await contactsNamed(org.admin, 'charles babbage'))[0]!;
    expect(ada).toMatchObject({ title: 'Countess', emails: ['ada@lovelace.example'] });
    expect(charles.accountId).toBe(ada.accountId);
    const account = (await org.admin.get<Account>(`/api/v1/accounts/${ada.accountId}`)).body;
    expect(account).toMatchObject({ name: 'Analytical Engines', domains: ['lovelace.example'] });
  });

  it('when the same file is imported again, then nothing changes', async ({ org, scheduler }) => {
    await importCsv(org.admin, scheduler, 'contact', CONTACTS);
    const before = (await org.admin.get('/api/v1/audit-log?limit=100')).body.items.length;
    const again = await importCsv(org.admin, scheduler, 'contact', CONTACTS);
    expect(again.result).toEqual({
      create: 0,
      update: 0,
      unchanged: 3,
      refuse: 0,
      skip: 0,
      accountsCreated: 0,
    });
    const after = (await org.admin.get('/api/v1/audit-log?limit=100')).body.items.length;
    // The only new audit entry is the import being started.
    expect(after - before).toBe(1);
  });

  it('when the mode is create-only or update-only, then rows that would do the other are refused with the reason', async ({
    org,
    scheduler,
  }) => {
    await importCsv(org.admin, scheduler, 'contact', CONTACTS);
    const file = [CONTACTS, 'alan@turing.example,Alan,Turing,,'].join('\n').replace('Countess', 'Programmer');

    const createOnly = await importCsv(org.admin, scheduler, 'contact', file, { mode: 'create' });
    expect(createOnly.result).toMatchObject({ create: 1, refuse: 3 });
    const refusedRows = (await allRows(org.admin, createOnly.id, 'import')).filter(
      (row) => row.action === 'refuse',
    );
    expect(refusedRows[0]).toMatchObject({
      rowNumber: 2,
      label: 'ada@lovelace.example',
      reason: 'Already in the CRM, and this import only creates.',
    });

    const withNewcomer = `${file}\nkatherine@nasa.example,Katherine,Johnson,NASA,`;
    const updateOnly = await importCsv(org.admin, scheduler, 'contact', withNewcomer, { mode: 'update' });
    expect(updateOnly.result).toMatchObject({ create: 0, update: 1, unchanged: 3, refuse: 1 });
    const ada = (await contactsNamed(org.admin, 'ada lovelace'))[0]!;
    expect(ada.title).toBe('Programmer');
    expect(await contactsNamed(org.admin, 'katherine')).toHaveLength(0);
  });

  it('when rows are broken, then each is refused with its reason, the rest imported, and the error file holds them to fix', async ({
    org,
    scheduler,
  }) => {
    const file = [
      'Email,First name,Last name,Owner',
      'good@broken.example,Good,Row,',
      'not-an-address,Bad,Email,',
      'owner@broken.example,Unknown,Owner,nobody@nowhere.example',
      'stray@broken.example,"Stray "quote",Row,',
      'extra@broken.example,Too,Many,,cells,here',
      'good@broken.example,Same,Address,',
      `boss@broken.example,Known,Owner,${org.adminUser.email}`,
    ].join('\r\n');
    const done = await importCsv(org.admin, scheduler, 'contact', file);
    expect(done.result).toMatchObject({ create: 3, refuse: 4 });
    const rows = await allRows(org.admin, done.id, 'import');
    expect(rows.map((row) => [row.rowNumber, row.action])).toEqual([
      [2, 'create'],
      [3, 'refuse'],
      [4, 'refuse'],
      [5, 'create'],
      [6, 'refuse'],
      [7, 'refuse'],
      [8, 'create'],
    ]);
    expect(rows[1]!.reason).toBe('Email “not-an-address” is not an email address.');
    expect(rows[2]!.reason).toBe(
      'Owner “nobody@nowhere.example” is not an active user of your organisation.',
    );
    expect(rows[4]!.reason).toContain('6 cells');
    expect(rows[5]!.reason).toBe(
      'Row 2 of this file has the same good@broken.example: only the first is imported.',
    );

    const errors = await org.admin.download(`/api/v1/imports/${done.id}/errors.csv`);
    expect(errors.status).toBe(200);
    expect(errors.headers['content-disposition']).toContain('rows not imported');
    const text = errors.bytes.toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Line,Problem,Email,First name,Last name,Owner');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('3,Email “not-an-address” is not an email address.,not-an-address,Bad,Email,');
  });

  it('when a file is written in Windows-1252 with semicolons, or in UTF-8 with a byte order mark, then names keep their accents', async ({
    org,
    scheduler,
  }) => {
    const latin = Buffer.from(
      'Email;Nachname;Vorname\r\nj.mueller@bayern.example;Müller;Jürgen\r\n',
      'latin1',
    );
    const uploaded = await uploadCsv(org.admin, 'contact', latin);
    expect(uploaded.settings).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    await changeImport(org.admin, uploaded.id, {
      mapping: { '0': 'email', '1': 'lastName', '2': 'firstName' },
    });
    expect((await runStep(org.admin, scheduler, uploaded.id, 'start')).result).toMatchObject({ create: 1 });
    expect(
      (await contactsNamed(org.admin, 'mueller'))[0] ?? (await contactsNamed(org.admin, 'müller'))[0],
    ).toMatchObject({
      firstName: 'Jürgen',
      lastName: 'Müller',
    });

    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Email,Name\nzoe@accents.example,Zoë Ångström\n'),
    ]);
    const withBom = await uploadCsv(org.admin, 'contact', bom);
    expect(withBom.columns).toEqual(['Email', 'Name']);
    expect(withBom.settings.mapping).toEqual({ '0': 'email', '1': 'fullName' });
    await runStep(org.admin, scheduler, withBom.id, 'start');
    expect((await contactsNamed(org.admin, 'angstrom'))[0]).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Ångström',
    });
  });

  it('when an import is reverted, then what it made is deleted and what it changed put back, but not what people changed since', async ({
    org,
    scheduler,
  }) => {
    await importCsv(
      org.admin,
      scheduler,
      'contact',
      'Email,First name,Last name,Title\nkeep@revert.example,Kept,Before,Clerk\n',
    );
    const kept = (await contactsNamed(org.admin, 'kept before'))[0]!;
    const file = [
      'Email,First name,Last name,Title,Company',
      'keep@revert.example,Kept,Before,Manager,',
      'new@revert.example,New,Person,,Reverted Ltd',
      'edited@later.example,Edited,Later,,',
    ].join('\n');
    const done = await importCsv(org.admin, scheduler, 'contact', file);
    expect(done.result).toMatchObject({ create: 2, update: 1, accountsCreated: 1 });
    const edited = (await contactsNamed(org.admin, 'edited later'))[0]!;
    await org.admin.patch(`/api/v1/contacts/${edited.id}`, {
      version: edited.version,
      title: 'Changed by hand',
    });

    const reverted = await runStep(org.admin, scheduler, done.id, 'revert');
    expect(reverted).toMatchObject({ status: 'reverted', reverted: { deleted: 2, restored: 1, kept: 1 } });
    expect(await contactsNamed(org.admin, 'new person')).toHaveLength(0);
    expect(
      ((await org.admin.get(`/api/v1/accounts?q=reverted`)).body as { items: unknown[] }).items,
    ).toHaveLength(0);
    expect((await contactsNamed(org.admin, 'edited later'))[0]).toMatchObject({ title: 'Changed by hand' });
    expect((await org.admin.get<Contact>(`/api/v1/contacts/${kept.id}`)).body.title).toBe('Clerk');
  });

  it('when a reverted import made a record someone uses since, or a change can no longer be put back, then that record is kept and the others reverted', async ({
    org,
    scheduler,
  }) => {
    await importCsv(
      org.admin,
      scheduler,
      'contact',
      'Email,First name,Last name,Company,Company domain,Title\nmoved@moved.example,Moved,Person,Old Works,old-works.example,Clerk\nretitled@retitled.example,Retitled,Person,,,Clerk\n',
    );
    const file = [
      'Email,First name,Last name,Company,Company domain,Title',
      'moved@moved.example,Moved,Person,New Works,new-works.example,',
      'retitled@retitled.example,Retitled,Person,,,Manager',
      'tasked@tasked.example,Tasked,Person,,,',
    ].join('\n');
    const done = await importCsv(org.admin, scheduler, 'contact', file);
    expect(done.result).toMatchObject({ create: 1, update: 2, accountsCreated: 1 });
    const tasked = (await contactsNamed(org.admin, 'tasked person'))[0]!;
    expect((await org.admin.post('/api/v1/tasks', { title: 'Call back', contactId: tasked.id })).status).toBe(
      201,
    );
    const oldWorks = (await org.admin.get<{ items: Account[] }>('/api/v1/accounts?q=old works')).body
      .items[0]!;
    expect((await org.admin.delete(`/api/v1/accounts/${oldWorks.id}`)).status).toBe(200);

    const reverted = await runStep(org.admin, scheduler, done.id, 'revert');
    // Kept: the contact with a task, the contact whose old company is in the trash, and the new
    // company, which that contact still names. Put back: the other title.
    expect(reverted).toMatchObject({ status: 'reverted', reverted: { deleted: 0, restored: 1, kept: 3 } });
    expect(await contactsNamed(org.admin, 'tasked person')).toHaveLength(1);
    expect((await contactsNamed(org.admin, 'retitled person'))[0]).toMatchObject({ title: 'Clerk' });
    const moved = (await contactsNamed(org.admin, 'moved person'))[0]!;
    const company = (await org.admin.get<Account>(`/api/v1/accounts/${moved.accountId}`)).body;
    expect(company.name).toBe('New Works');
  });

  it('when an import is cancelled before it runs, then it does nothing', async ({ org, scheduler }) => {
    const uploaded = await uploadCsv(org.admin, 'contact', CONTACTS);
    await org.admin.post(`/api/v1/imports/${uploaded.id}/start`);
    const cancelled = await org.admin.post<Import>(`/api/v1/imports/${uploaded.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    await scheduler.worker.drain();
    expect(await contactsNamed(org.admin, 'lovelace')).toHaveLength(0);
  });

  it('when a member, or another organisation, asks for imports, then they are refused', async ({
    org,
    testApp,
  }) => {
    const uploaded = await uploadCsv(org.admin, 'contact', CONTACTS);
    const { client: member } = await org.addUser('member');
    expect((await member.get(`/api/v1/imports/${uploaded.id}`)).status).toBe(403);
    const other = await (await import('../support/organisation.js')).createTestOrganisation(testApp);
    expect((await other.admin.get(`/api/v1/imports/${uploaded.id}`)).status).toBe(404);
  });

  it('when the mapping leaves out the address, then neither a dry run nor the import can start', async ({
    org,
  }) => {
    const uploaded = await uploadCsv(org.admin, 'contact', CONTACTS);
    await changeImport(org.admin, uploaded.id, { mapping: { '1': 'firstName' } });
    const refused = await org.admin.post(`/api/v1/imports/${uploaded.id}/preview`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      error: 'invalid_mapping',
      message: expect.stringContaining('Email'),
    });
  });

  it('when the file is empty, then the upload is refused and nothing is kept', async ({ org }) => {
    const reply = await org.admin.request(
      'POST',
      '/api/v1/imports?recordType=contact&fileName=empty.csv',
      Buffer.alloc(0),
      {
        'content-type': 'text/csv',
      },
    );
    expect(reply.status).toBe(422);
    expect(reply.body.error).toBe('unreadable_file');
    expect((await org.admin.get('/api/v1/imports')).body.items).toHaveLength(0);
  });
});

describe('importing deals, cases, notes and calls', () => {
  it('when opportunities and their notes are imported, then they are matched by their old ids, named stages and dated notes land on the contact', async ({
    org,
    scheduler,
  }) => {
    await importCsv(org.admin, scheduler, 'contact', CONTACTS);
    const deals = [
      'Deal ID,Deal Name,Company,Contact Email,Stage,Amount,Currency,Close Date',
      'D-1,Engine order,Analytical Engines,ada@lovelace.example,Qualified,"12,500.50",GBP,31/03/2027',
      'D-2,Second engine,Analytical Engines,,No such stage,100,GBP,',
    ].join('\n');
    const uploaded = await uploadCsv(org.admin, 'opportunity', deals);
    expect(uploaded.settings.mapping).toMatchObject({
      '1': 'name',
      '2': 'account',
      '3': 'contactEmail',
      '4': 'stage',
    });
    await changeImport(org.admin, uploaded.id, {
      mapping: { ...uploaded.settings.mapping, '0': 'externalId' },
      dateFormat: 'dd/MM/yyyy',
    });
    const done = await runStep(org.admin, scheduler, uploaded.id, 'start');
    expect(done.result).toMatchObject({ create: 1, refuse: 1 });
    const [made, refused] = await allRows(org.admin, done.id, 'import');
    expect(refused!.reason).toMatch(/^Stage “No such stage” is not one of: /);
    const deal = (await org.admin.get(`/api/v1/opportunities/${made!.recordId}`)).body;
    const ada = (await contactsNamed(org.admin, 'ada lovelace'))[0]!;
    expect(deal).toMatchObject({
      name: 'Engine order',
      amountMinor: 1_250_050,
      currency: 'GBP',
      closeDate: '2027-03-31',
      contactId: ada.id,
      accountId: ada.accountId,
    });

    // The same id again updates the deal it made, rather than making another.
    const again = await importCsv(org.admin, scheduler, 'opportunity', deals.replace('12,500.50', '13000'), {
      mapping: { ...uploaded.settings.mapping, '0': 'externalId' },
      dateFormat: 'dd/MM/yyyy',
    });
    expect(again.result).toMatchObject({ create: 0, update: 1, refuse: 1 });
    expect((await org.admin.get(`/api/v1/opportunities/${made!.recordId}`)).body.amountMinor).toBe(1_300_000);

    const notes = [
      'Note Id,Date,Note,Email',
      'N-1,2025-11-02T09:30:00Z,"Asked about the Difference Engine.\nCall back in spring.",ada@lovelace.example',
    ].join('\n');
    const noted = await importCsv(org.admin, scheduler, 'note', notes, {
      mapping: { '0': 'externalId', '1': 'date', '2': 'body', '3': 'contactEmail' },
    });
    expect(noted.result).toMatchObject({ create: 1 });
    const timeline = (await org.admin.get(`/api/v1/contacts/${ada.id}/timeline`)).body.items;
    expect(timeline).toContainEqual(
      expect.objectContaining({
        type: 'note',
        subject: 'Asked about the Difference Engine.',
        occurredAt: '2025-11-02T09:30:00.000Z',
      }),
    );
  });
});

describe('imports and a person who asks to be forgotten', () => {
  it('when a person an import brought in is erased, then neither its report nor a waiting file names them, and they are not imported again', async ({
    org,
    scheduler,
    testApp,
  }) => {
    const file =
      'Email,First name,Last name\nwilhelmina.forgotten@erase-import.example,Wilhelmina,Vanderforgotten\n';
    const done = await importCsv(
      org.admin,
      scheduler,
      'contact',
      `${file}no-address,Wilhelmina,Vanderforgotten\n`,
    );
    const waiting = await uploadCsv(org.admin, 'contact', file);
    const contact = (await contactsNamed(org.admin, 'vanderforgotten'))[0]!;
    expect((await org.admin.post('/api/v1/privacy/erasures', { contactId: contact.id })).status).toBe(201);

    const knex = testApp.database.knex;
    const rows = await knex('import_rows')
      .where({ org_id: org.orgId })
      .select(knex.raw('CAST(import_rows AS text) AS row'));
    // Their address goes everywhere; a row naming someone of the same name without it stays, as elsewhere.
    expect(rows.filter((row: { row: string }) => /wilhelmina\.forgotten/i.test(row.row))).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(await knex('import_file_chunks').where({ org_id: org.orgId, import_id: waiting.id })).toEqual([]);
    expect(await knex('import_file_chunks').where({ org_id: org.orgId, import_id: done.id })).toEqual([]);

    const again = await importCsv(org.admin, scheduler, 'contact', file);
    expect(again.result).toMatchObject({ create: 0, refuse: 1 });
    expect((await allRows(org.admin, again.id, 'import'))[0]).toMatchObject({
      label: '',
      reason: 'This person asked to be forgotten: they are not imported.',
    });
  });
});
