import type { Knex } from 'knex';

// The boards count and page each column (a stage, a case status), for everyone or one owner:
// each column is one index range (measured with bench/lists).
const INDEXES: ReadonlyArray<[name: string, definition: string]> = [
  ['opportunities_board_stage', 'opportunities (org_id, stage_id, close_date, id) WHERE deleted_at IS NULL'],
  [
    'opportunities_board_owner_stage',
    'opportunities (org_id, owner_id, stage_id, close_date, id) INCLUDE (currency, amount_minor) WHERE deleted_at IS NULL',
  ],
  [
    'cases_board_status',
    "cases (org_id, status, array_position(ARRAY['low', 'normal', 'high', 'urgent']::text[], priority), id) WHERE deleted_at IS NULL",
  ],
];

export async function up(knex: Knex): Promise<void> {
  for (const [name, definition] of INDEXES) await knex.raw(`CREATE INDEX ${name} ON ${definition}`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [name] of INDEXES) await knex.raw(`DROP INDEX ${name}`);
}
