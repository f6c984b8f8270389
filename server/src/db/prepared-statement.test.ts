import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from './database.js';
import { runPrepared } from './prepared-statement.js';
import { textArray } from './types.js';

// Every kind of binding the hot statements pass, with the characters that need escaping.
const ECHO = `SELECT CAST(? AS text) AS text, CAST(? AS text[]) AS texts, CAST(? AS uuid[]) AS ids,
  CAST(? AS boolean) AS yes, CAST(? AS integer) AS count, CAST(? AS timestamptz) AS at, CAST(? AS text) AS nothing`;
const AWKWARD = `O'Brien \\ "quoted", {braced} $1 ?`;
const BINDINGS: Knex.RawBinding[] = [
  AWKWARD,
  textArray([AWKWARD, null, '', 'NULL', 'plain']),
  ['0190f0a0-0000-7000-8000-000000000001'],
  true,
  42,
  new Date('2026-12-05T10:00:00.000Z'),
  null,
];
const ECHOED = {
  text: AWKWARD,
  texts: [AWKWARD, null, '', 'NULL', 'plain'],
  ids: ['0190f0a0-0000-7000-8000-000000000001'],
  yes: true,
  count: 42,
  at: new Date('2026-12-05T10:00:00.000Z'),
  nothing: null,
};

const databases: [string, () => Promise<Database>][] = [
  ['PGlite', () => openPglite(':memory:')],
  ...(process.env.DATABASE_URL
    ? [
        ['PostgreSQL', () => Promise.resolve(openPostgres(process.env.DATABASE_URL!, 2))] as [
          string,
          () => Promise<Database>,
        ],
      ]
    : []),
];

describe.each(databases)('a prepared statement on %s', (_, open) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(() => database.close());

  it('answers each binding as it was given, the second call from the statement prepared by the first', async () => {
    for (let call = 0; call < 2; call += 1) {
      const [row] = await runPrepared(database.knex, ECHO, BINDINGS);
      expect(row).toEqual(ECHOED);
    }
  });

  it('answers an empty array, and an address with a quote, as asked', async () => {
    const sql = 'SELECT cardinality(CAST(? AS text[])) AS size, CAST(? AS text) = ? AS same';
    const [row] = await runPrepared(database.knex, sql, [[], "o'hara@example.com", "o'hara@example.com"]);
    expect(row).toEqual({ size: 0, same: true });
  });

  it('refuses a NUL in a value as the database refuses it (22021), and goes on answering', async () => {
    const sql = 'SELECT CAST(? AS text) AS text';
    await expect(runPrepared(database.knex, sql, ['a\0b'])).rejects.toMatchObject({ code: '22021' });
    await expect(runPrepared(database.knex, sql, [['a\0b']])).rejects.toMatchObject({ code: '22021' });
    expect(await runPrepared(database.knex, sql, ['ab'])).toEqual([{ text: 'ab' }]);
  });
});
