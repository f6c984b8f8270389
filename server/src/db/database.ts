import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  knex: Knex;
  kind: DatabaseKind;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

// Both drivers answer alike: bigint counts and money as numbers (amounts stay below 2^53),
// dates as 'YYYY-MM-DD' text (never a Date at local midnight), timestamptz as Date.
const toNumber = (value: string): number => Number(value);
const asText = (value: string): string => value;

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return toNumber;
    if (oid === DATE) return asText;
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};

type PoolCallback = (error: Error | null, connection: pg.Client) => void;

/**
 * Session settings for an OLTP workload. Prepared statements (see preparedStatement) look rows up
 * by equality on indexed columns, so one generic plan fits every call; without it PostgreSQL may
 * keep planning them per call. JIT compilation pays off only for long analytical queries: on the
 * sender view a generic plan's cost estimate triggers it, and it costs more than it saves.
 */
function configureSession(connection: pg.Client, done: PoolCallback): void {
  connection.query('SET plan_cache_mode = force_generic_plan; SET jit = off', (error: Error | null) =>
    done(error, connection),
  );
}

/** A knex over a real PostgreSQL server. */
export function openPostgres(url: string, poolMax = 10): Database {
  const knex = knexFactory({
    client: 'pg',
    connection: { connectionString: url, types: pgTypes } as Knex.PgConnectionConfig,
    pool: { min: 0, max: poolMax, afterCreate: configureSession },
  });
  return { knex, kind: 'postgres', close: () => knex.destroy() };
}

/**
 * A knex over embedded PGlite: in memory for `:memory:`, otherwise persisted in `dataDir/pglite`,
 * which is locked so that a second process cannot open (and corrupt) it at the same time.
 * PGlite is one connection: inside a transaction use only its `trx`.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === ':memory:';
  const unlock = inMemory ? async () => {} : await lockDataDir(dataDir);
  try {
    if (!inMemory) await mkdir(dataDir, { recursive: true });
    const pglite = await PGlite.create(inMemory ? undefined : path.join(dataDir, 'pglite'), {
      parsers: { [INT8]: toNumber, [DATE]: asText },
    });
    // As on PostgreSQL (configureSession): prepared statements keep one generic plan.
    await pglite.exec('SET plan_cache_mode = force_generic_plan');
    const knex = knexFactory({
      client: ClientPgLite as unknown as typeof knexFactory.Client,
      connection: { pglite } as unknown as Knex.StaticConnectionConfig,
    });
    return {
      knex,
      kind: 'pglite',
      close: async () => {
        await knex.destroy();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** How many connections the knex may hold at once: PGlite is one. */
export function connectionLimit(knex: Knex): number {
  const config = (knex.client as { config: Knex.Config }).config;
  return config.client === 'pg' ? (config.pool?.max ?? 10) : 1;
}
