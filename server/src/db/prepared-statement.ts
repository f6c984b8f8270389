import { createHash } from 'node:crypto';

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
