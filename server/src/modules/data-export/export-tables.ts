import type { Db } from '../../db/types.js';

/** A table as the export writes it: the columns kept, and the key it is read in order of. */
export interface ExportTable {
  name: string;
  columns: { name: string; type: string; nullable: boolean }[];
  /** The primary key's columns but org_id, in key order: rows are read in pages along it. */
  key: string[];
  /** How the table's rows are found: by org_id, or (the organisation itself) by id. */
  scope: 'org_id' | 'id';
}

// Left out, and why: credentials and sessions (a copy must not sign anyone in), and what the
// product derives again from the rest (search indexes and vectors, report summaries).
const LEFT_OUT_TABLES = new Set([
  'api_tokens',
  'refresh_tokens',
  'sessions',
  'login_throttle',
  'knex_migrations',
  'knex_migrations_lock',
  'activity_search',
  'activity_quarter_counts',
  'opportunity_stage_totals',
]);
const LEFT_OUT_COLUMNS = new Set([
  'users.password_hash',
  'support_mailboxes.sealed_secret',
  'webhooks.secret',
  // The suppression list's salt stays behind: with it, the hashes could be tested against guesses.
  'organisations.privacy_salt',
  // Attachment content is written as files of its own, attachments/<sha256>.
  'attachment_contents.content',
]);
const DERIVED_TYPES = new Set(['tsvector']);

/** The tables an organisation owns (those with an org_id, and its own row), as the export writes them. */
export async function exportTables(db: Db): Promise<ExportTable[]> {
  const { rows: columns } = await db.raw<{
    rows: {
      table_name: string;
      column_name: string;
      udt_name: string;
      is_nullable: string;
      is_generated: string;
    }[];
  }>(
    `SELECT c.table_name, c.column_name, c.udt_name, c.is_nullable, c.is_generated
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const { rows: keys } = await db.raw<{ rows: { table_name: string; column_name: string }[] }>(
    `SELECT c.relname AS table_name, a.attname AS column_name
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(CAST(i.indkey AS int2[])) WITH ORDINALITY AS k(attnum, position)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = 'public'
      ORDER BY c.relname, k.position`,
  );
  const tables = new Map<string, ExportTable>();
  for (const column of columns) {
    if (LEFT_OUT_TABLES.has(column.table_name)) continue;
    const table = tables.get(column.table_name) ?? {
      name: column.table_name,
      columns: [],
      key: [],
      scope: column.table_name === 'organisations' ? ('id' as const) : ('org_id' as const),
    };
    tables.set(column.table_name, table);
    const derived = DERIVED_TYPES.has(column.udt_name) || column.is_generated === 'ALWAYS';
    if (derived || LEFT_OUT_COLUMNS.has(`${column.table_name}.${column.column_name}`)) continue;
    table.columns.push({
      name: column.column_name,
      type: column.udt_name,
      nullable: column.is_nullable === 'YES',
    });
  }
  for (const key of keys) {
    const table = tables.get(key.table_name);
    if (table && key.column_name !== 'org_id') table.key.push(key.column_name);
  }
  return [...tables.values()].filter(
    (table) => table.scope === 'id' || table.columns.some((column) => column.name === 'org_id'),
  );
}
