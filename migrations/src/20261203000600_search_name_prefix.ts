import type { Knex } from 'knex';

// Search shows the records whose name starts with the query first. A record's search_text begins
// with its folded name (see searchText), so its first characters in byte order are a name index:
// `LIKE 'acme co%'` is one range of it. left() keeps every key far below a btree entry's limit.
const TABLES = ['accounts', 'contacts', 'opportunities', 'cases'] as const;

export async function up(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.raw(
      `CREATE INDEX ${table}_name_prefix ON ${table} (org_id, left(search_text, 200) text_pattern_ops) WHERE deleted_at IS NULL`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of TABLES) await knex.raw(`DROP INDEX ${table}_name_prefix`);
}
