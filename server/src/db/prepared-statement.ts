import { createHash } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { Knex } from 'knex';
import pg from 'pg';
import type { Db } from './types.js';

const { escapeLiteral } = pg;

const names = new Map<string, string>();

/**
 * Query options that make a hot-path statement a named prepared statement: PostgreSQL parses and
 * plans it once per connection (openPostgres asks for generic plans), instead of on every call,
 * which for the sender view is most of its cost. PGlite ignores the name. The name is derived from
 * the text, so each variant of a statement (e.g. per visibility rule) is prepared on its own.
 */
export function preparedStatement(sql: string): { name: string } {
  let name = names.get(sql);
  if (name === undefined) {
    name = `q_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return { name };
}

const texts = new Map<string, string>();

/**
 * A statement's text, built once per variant: the identical text on every call is what lets
 * PostgreSQL reuse the prepared plan, and spares rebuilding (and re-hashing) a long string.
 */
export function statementText(variant: string, build: () => string): string {
  let text = texts.get(variant);
  if (text === undefined) {
    text = build();
    texts.set(variant, text);
  }
  return text;
}

/** A pooled connection of the pg driver. */
interface PgConnection {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/** PGlite's one connection (knex-pglite hands out the PGlite instance). */
interface PgliteConnection {
  query(text: string, values?: readonly unknown[]): Promise<{ rows: unknown[] }>;
}

interface PooledClient extends EventEmitter {
  config: { client?: unknown };
  acquireConnection(): Promise<PgConnection | PgliteConnection>;
  releaseConnection(connection: PgConnection | PgliteConnection): Promise<void>;
}

const positionalTexts = new Map<string, string>();

/** knex's `?` placeholders as PostgreSQL's `$n`, worked out once per statement. */
function positional(sql: string): string {
  let text = positionalTexts.get(sql);
  if (text === undefined) {
    let position = 0;
    text = sql.replace(/\?/g, () => `$${(position += 1)}`);
    positionalTexts.set(sql, text);
  }
  return text;
}

/** An array as PostgreSQL's array text (`{"a",NULL}`), its elements quoted. */
type ArrayElement = string | number | boolean | Date | null | undefined;

function arrayText(values: readonly ArrayElement[]): string {
  const element = (value: ArrayElement) =>
    value === null || value === undefined
      ? 'NULL'
      : `"${String(value instanceof Date ? value.toISOString() : value).replace(/[\\"]/g, '\\$&')}"`;
  return `{${values.map(element).join(',')}}`;
}

/** A NUL cannot be part of a statement's text: refused as PostgreSQL refuses it in a bound value. */
class NulInLiteral extends Error {
  readonly code = '22021';
  constructor() {
    super('invalid byte sequence for encoding "UTF8": 0x00');
  }
}

function quoted(text: string): string {
  if (text.includes('\0')) throw new NulInLiteral();
  return escapeLiteral(text);
}

/** A binding as an SQL literal of unknown type, which EXECUTE casts to its parameter's type. */
function literal(value: Knex.RawBinding): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number' || typeof value === 'boolean') return quoted(String(value));
  if (value instanceof Date) return quoted(value.toISOString());
  if (Array.isArray(value)) return quoted(arrayText(value as ArrayElement[]));
  throw new TypeError(`A prepared statement's binding cannot be a ${typeof value}.`);
}

// PGlite takes no statement name with a query, and EXECUTE (a utility statement) no bound
// parameters: a statement is prepared with PREPARE once per database (its one session keeps it),
// and run with EXECUTE and its bindings as escaped literals.
const preparedInPglite = new WeakMap<PgliteConnection, Set<string>>();

async function executePrepared(connection: PgliteConnection, sql: string, bindings: Knex.RawBinding[]) {
  const { name } = preparedStatement(sql);
  let prepared = preparedInPglite.get(connection);
  if (prepared === undefined) {
    prepared = new Set();
    preparedInPglite.set(connection, prepared);
  }
  if (!prepared.has(name)) {
    // 42P05: prepared already, by a call whose answer was lost (its name not noted).
    await connection.query(`PREPARE ${name} AS ${positional(sql)}`).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== '42P05') throw error;
    });
    prepared.add(name);
  }
  const values = bindings.map(literal).join(', ');
  return connection.query(`EXECUTE ${name}${values ? `(${values})` : ''}`);
}

/**
 * Runs a hot read-only statement (the sender view) as a named prepared statement without knex
 * building it again on every call: on a pooled PostgreSQL connection by name, on PGlite through
 * PREPARE and EXECUTE. PostgreSQL then parses and plans it once per connection, not per call (on
 * PGlite, planning the sender view took longer than running it). Inside a transaction it runs
 * through knex as any other statement. The statement must hold no literal `?`.
 */
export async function runPrepared<Row>(db: Db, sql: string, bindings: Knex.RawBinding[]): Promise<Row[]> {
  const knex = db as unknown as EventEmitter & { client: PooledClient; isTransaction?: boolean };
  const { client } = knex;
  if (knex.isTransaction) {
    const result = await db.raw<{ rows: Row[] }>(sql, bindings).options(preparedStatement(sql));
    return result.rows;
  }
  // knex's own 'query' event, for whoever listens (a test counting statements, a debugging hook).
  if (knex.listenerCount('query') > 0) {
    client.emit('query', { method: 'raw', sql, bindings });
  }
  const connection = await client.acquireConnection();
  try {
    const result =
      client.config.client === 'pg'
        ? await (connection as PgConnection).query({
            ...preparedStatement(sql),
            text: positional(sql),
            values: bindings,
          })
        : await executePrepared(connection as PgliteConnection, sql, bindings);
    return result.rows as Row[];
  } finally {
    await client.releaseConnection(connection);
  }
}
