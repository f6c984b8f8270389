import type { Db } from './types.js';
import { createHash } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { Knex } from 'knex';

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

interface PgConnection {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

interface PooledClient extends EventEmitter {
  config: { client?: unknown };
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
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

/**
 * Runs a hot read-only statement (the sender view) as a named prepared statement on a pooled
 * PostgreSQL connection without knex building it again on every call; elsewhere (PGlite, a
 * transaction) through knex as any other statement. The statement must hold no literal `?`.
 */
export async function runPrepared<Row>(db: Db, sql: string, bindings: Knex.RawBinding[]): Promise<Row[]> {
  const knex = db as unknown as EventEmitter & { client: PooledClient; isTransaction?: boolean };
  const { client } = knex;
  if (client.config.client !== 'pg' || knex.isTransaction) {
    const result = await db.raw<{ rows: Row[] }>(sql, bindings).options(preparedStatement(sql));
    return result.rows;
  }
  // knex's own 'query' event, for whoever listens (a test counting statements, a debugging hook).
  if (knex.listenerCount('query') > 0) {
    client.emit('query', { method: 'raw', sql, bindings });
  }
  const connection = await client.acquireConnection();
  try {
    const result = await connection.query({
      ...preparedStatement(sql),
      text: positional(sql),
      values: bindings,
    });
    return result.rows as Row[];
  } finally {
    await client.releaseConnection(connection);
  }
}
