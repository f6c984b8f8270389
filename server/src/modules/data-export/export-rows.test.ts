import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../db/database.js';
import { tableRows } from './export-rows.js';
import type { ExportTable } from './export-tables.js';

let database: Database;
beforeAll(async () => {
  database = await openPglite(':memory:');
  await database.knex.raw(
    'CREATE TABLE lines (org_id text NOT NULL, part text NOT NULL, n integer NOT NULL, note text, PRIMARY KEY (org_id, part, n))',
  );
  await database
    .knex('lines')
    .insert([
      ...[3, 1, 2].map((n) => ({ org_id: 'a', part: 'x', n, note: `x${n}` })),
      ...[2, 1].map((n) => ({ org_id: 'a', part: 'y', n, note: null })),
      ...[1, 2, 3].map((n) => ({ org_id: 'b', part: 'x', n, note: 'not yours' })),
    ]);
});
afterAll(() => database.close());

const lines: ExportTable = {
  name: 'lines',
  columns: [
    { name: 'part', type: 'text', nullable: false },
    { name: 'n', type: 'int4', nullable: false },
    { name: 'note', type: 'text', nullable: true },
  ],
  key: ['part', 'n'],
  scope: 'org_id',
};

describe('reading a table for an export', () => {
  it('reads one organisation’s rows in pages along the key, each row once, with the chosen columns only', async () => {
    const pages: unknown[][] = [];
    for await (const page of tableRows(database.knex, 'a', lines, 2)) pages.push(page);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual([
      { part: 'x', n: 1, note: 'x1' },
      { part: 'x', n: 2, note: 'x2' },
      { part: 'x', n: 3, note: 'x3' },
      { part: 'y', n: 1, note: null },
      { part: 'y', n: 2, note: null },
    ]);
  });
});
