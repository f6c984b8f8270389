import type { Knex } from 'knex';

// Imports: a CSV file uploaded in chunks, read by a worker in a dry run (preview) and for real,
// with every row's outcome kept so the import can be reported, downloaded as an error file and
// reverted. Records an import made carry their id in the old system, so the same file imported
// again matches them instead of making them twice.
const UP = [
  `CREATE TABLE imports (
    org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    source text NOT NULL DEFAULT 'csv' CHECK (source IN ('csv', 'mail')),
    record_type text NOT NULL CHECK (record_type IN ('account', 'contact', 'opportunity', 'case', 'note', 'call')),
    file_name text NOT NULL,
    file_bytes bigint NOT NULL DEFAULT 0,
    status text NOT NULL CHECK (status IN ('uploaded', 'previewing', 'previewed', 'queued', 'running', 'done', 'cancelled', 'failed', 'reverting', 'reverted')),
    settings jsonb NOT NULL,
    columns jsonb NOT NULL DEFAULT '[]',
    sample jsonb NOT NULL DEFAULT '[]',
    rows_total integer,
    rows_done integer NOT NULL DEFAULT 0,
    preview jsonb,
    result jsonb,
    reverted jsonb,
    cancel_requested boolean NOT NULL DEFAULT false,
    failure text,
    leased_until timestamptz,
    created_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz,
    reverted_at timestamptz,
    reverted_by uuid,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
  )`,
  // The worker looks for imports with work to do.
  `CREATE INDEX imports_with_work ON imports (leased_until)
     WHERE status IN ('previewing', 'queued', 'running', 'reverting')`,
  `CREATE TABLE import_file_chunks (
    org_id uuid NOT NULL,
    import_id uuid NOT NULL,
    seq integer NOT NULL,
    bytes bytea NOT NULL,
    PRIMARY KEY (org_id, import_id, seq),
    FOREIGN KEY (org_id, import_id) REFERENCES imports (org_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE import_rows (
    org_id uuid NOT NULL,
    import_id uuid NOT NULL,
    run text NOT NULL CHECK (run IN ('preview', 'import')),
    row_number integer NOT NULL,
    action text NOT NULL CHECK (action IN ('create', 'update', 'unchanged', 'refuse')),
    label text NOT NULL DEFAULT '',
    record_id uuid,
    reason text,
    changed_fields text[] NOT NULL DEFAULT '{}',
    cells jsonb,
    previous jsonb,
    applied jsonb,
    created_account_id uuid,
    PRIMARY KEY (org_id, import_id, run, row_number),
    FOREIGN KEY (org_id, import_id) REFERENCES imports (org_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE import_column_names (
    org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    record_type text NOT NULL,
    column_name text NOT NULL,
    field text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, record_type, column_name)
  )`,
  `CREATE TABLE external_ids (
    org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    record_type text NOT NULL,
    external_id text NOT NULL,
    record_id uuid NOT NULL,
    PRIMARY KEY (org_id, record_type, external_id)
  )`,
  `CREATE INDEX external_ids_by_record ON external_ids (org_id, record_id)`,
];

export async function up(knex: Knex): Promise<void> {
  for (const statement of UP) await knex.raw(statement);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'external_ids',
    'import_column_names',
    'import_rows',
    'import_file_chunks',
    'imports',
  ]) {
    await knex.raw(`DROP TABLE ${table}`);
  }
}
