import type { Import } from '@inbox-crm/shared';
import { allRows, runStep, uploadCsv } from '../support/imports.js';
import { describe, expect, test } from '../support/suite.js';

// The import worker takes every organisation's imports from its database: a database of this file's own.
test.override('appOptions', { isolated: true });
const it = test;

// On PostgreSQL a contacts import writes several chunks of 500 rows side by side; on PGlite one by
// one. Either way a file must come to the same records as if its rows were written in order.
const ROWS = 1_600;
const COMPANIES = 40;

/** People at companies named all through the file (so every chunk names every company), and one repeat. */
function peopleFile(tag: string): string {
  const lines = ['Email,First Name,Last Name,Company,Company Domain'];
  for (let row = 1; row <= ROWS; row += 1) {
    const company = (row % COMPANIES) + 1;
    const email = row === 1_300 ? `person3.${tag}@chunks.example` : `person${row}.${tag}@chunks.example`;
    lines.push(`${email},Person,${tag} ${row},Chunk Co ${company} ${tag},chunkco${company}-${tag}.example`);
  }
  return `${lines.join('\n')}\n`;
}

describe('importing a file of several chunks', () => {
  it('when companies are named all through the file, then each is made once, a later repeat is refused naming the first row, the dry run foretold it, and a revert takes all of it back', async ({
    org,
    scheduler,
  }) => {
    const uploaded = await uploadCsv(org.admin, 'contact', peopleFile('lanes'));
    const previewed = await runStep(org.admin, scheduler, uploaded.id, 'preview');
    const done = await runStep(org.admin, scheduler, uploaded.id, 'start');
    const expected = {
      create: ROWS - 1,
      update: 0,
      unchanged: 0,
      refuse: 1,
      skip: 0,
      accountsCreated: COMPANIES,
    };
    expect(previewed.preview).toEqual(expected);
    expect(done).toMatchObject({ status: 'done', rowsDone: ROWS, rowsTotal: ROWS, result: expected });

    const refused = (await allRows(org.admin, uploaded.id, 'import')).filter(
      (row) => row.action === 'refuse',
    );
    // Row 1,300 is on line 1,301; the first row with its address is row 3, on line 4.
    expect(refused).toMatchObject([
      { rowNumber: 1_301, reason: expect.stringContaining('Row 4 of this file') },
    ]);

    const accounts = (
      await org.admin.get<{ items: { name: string }[] }>('/api/v1/accounts?q=chunk co&limit=100')
    ).body.items;
    expect(accounts.map((account) => account.name).sort()).toEqual(
      Array.from({ length: COMPANIES }, (_, index) => `Chunk Co ${index + 1} lanes`).sort(),
    );
    const people = (
      await org.admin.get<{ items: { accountId: string | null }[] }>(
        '/api/v1/contacts?q=person lanes&limit=100',
      )
    ).body.items;
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((person) => person.accountId !== null)).toBe(true);

    const reverted = await runStep(org.admin, scheduler, uploaded.id, 'revert');
    expect(reverted).toMatchObject({
      status: 'reverted',
      reverted: { deleted: ROWS - 1 + COMPANIES, kept: 0 },
    });
    expect(
      (await org.admin.get<{ items: unknown[] }>('/api/v1/accounts?q=chunk co&limit=100')).body.items,
    ).toEqual([]);
  });

  it('when an import is taken up again after a later chunk was written before an earlier one, then the rows with an outcome are left alone and the others imported', async ({
    org,
    scheduler,
    testApp,
  }) => {
    const uploaded = await uploadCsv(org.admin, 'contact', peopleFile('again'));
    // As a worker that died would leave it: the second chunk (lines 502–1,001) written, the first not.
    const knex = testApp.database.knex;
    await knex('import_rows').insert(
      Array.from({ length: 500 }, (_, index) => ({
        org_id: org.orgId,
        import_id: uploaded.id,
        run: 'import',
        row_number: 502 + index,
        action: 'unchanged',
        label: `written before`,
      })),
    );
    await knex('imports')
      .where({ org_id: org.orgId, id: uploaded.id })
      .update({ status: 'running', rows_done: 500, started_at: new Date(), leased_until: null });

    await scheduler.worker.drain();
    const done = (await org.admin.get<Import>(`/api/v1/imports/${uploaded.id}`)).body;
    expect(done).toMatchObject({
      status: 'done',
      result: { create: ROWS - 500 - 1, unchanged: 500, refuse: 1 },
    });
    const rows = await allRows(org.admin, uploaded.id, 'import');
    expect(rows).toHaveLength(ROWS);
    expect(rows.filter((row) => row.label === 'written before')).toHaveLength(500);
    const holding = async (email: string) =>
      (await knex('contact_emails').where({ org_id: org.orgId, email }).pluck('contact_id')) as string[];
    expect(await holding('person1.again@chunks.example')).toHaveLength(1);
    expect(await holding('person600.again@chunks.example')).toHaveLength(0);
    expect(await holding('person1200.again@chunks.example')).toHaveLength(1);
  });
});
