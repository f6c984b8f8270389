import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from './database.js';
import { gatherEmbeddedStatistics } from './planner-statistics.js';

// reltuples is -1 until a table has been analysed; PGlite has no autovacuum to do it.
async function rowsThePlannerKnows(database: Database): Promise<number> {
  const { rows } = await database.knex.raw<{ rows: { reltuples: number }[] }>(
    `SELECT reltuples FROM pg_class WHERE relname = 'planned'`,
  );
  return rows[0]!.reltuples;
}

describe('planner statistics on the embedded database', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openPglite(':memory:');
    await database.knex.raw('CREATE TABLE planned (id integer PRIMARY KEY)');
    await database.knex.raw('INSERT INTO planned SELECT generate_series(1, 500)');
  });

  afterAll(() => database.close());

  it('are gathered for every table, which nothing else does', async () => {
    expect(await rowsThePlannerKnows(database)).toBe(-1);
    await gatherEmbeddedStatistics(database);
    expect(await rowsThePlannerKnows(database)).toBe(500);
  });
});
