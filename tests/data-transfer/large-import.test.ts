import type { Contact } from '@inbox-crm/shared';
import { allRows, importCsv, runStep } from '../support/imports.js';
import { describe, expect, test } from '../support/suite.js';

// The import worker takes every organisation's imports from its database: a database of this file's own.
test.override('appOptions', { isolated: true });
const it = test;

const ROWS = 100_000;

/** 100,000 people at 2,000 companies, with a repeat and a broken address among them. */
function largeFile(): string {
  const lines = ['Email,First name,Last name,Company,Company domain,Phone'];
  for (let row = 1; row <= ROWS; row += 1) {
    const company = (row % 2_000) + 1;
    const email =
      row === 50_000
        ? 'not an address'
        : row === 70_000
          ? 'person1@large-import.example'
          : `person${row}@large-import.example`;
    lines.push(`${email},Person,Number ${row},Company ${company},company${company}-large.example,`);
  }
  return `${lines.join('\n')}\n`;
}

describe('a large file', () => {
  it('when 100,000 rows are imported, then every good row is a contact at its company and the two bad ones are refused with their lines; reverted, they all go', async ({
    org,
    scheduler,
  }) => {
    const done = await importCsv(org.admin, scheduler, 'contact', largeFile());
    expect(done).toMatchObject({
      rowsTotal: ROWS,
      result: { create: ROWS - 2, update: 0, unchanged: 0, refuse: 2, accountsCreated: 2_000 },
    });
    const refused = await allRows(org.admin, done.id, 'import').then((rows) =>
      rows.filter((row) => row.action === 'refuse'),
    );
    expect(refused.map((row) => row.rowNumber)).toEqual([50_001, 70_001]);

    const last = (await org.admin.get<{ items: Contact[] }>('/api/v1/contacts?q=person99999')).body.items;
    expect(last).toHaveLength(1);
    const account = (await org.admin.get(`/api/v1/accounts/${last[0]!.accountId}`)).body;
    expect(account).toMatchObject({ name: 'Company 2000', domains: ['company2000-large.example'] });

    const reverted = await runStep(org.admin, scheduler, done.id, 'revert');
    expect(reverted).toMatchObject({
      status: 'reverted',
      reverted: { deleted: ROWS - 2 + 2_000, restored: 0, kept: 0 },
    });
    expect((await org.admin.get<{ items: Contact[] }>('/api/v1/contacts?q=person99999')).body.items).toEqual(
      [],
    );
  }, 600_000);
});
