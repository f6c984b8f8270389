import type { Knex } from 'knex';

// The home page (measured with bench/lists). Recent mail on my records: the organisation's email
// links newest first, carrying what the privacy rule and the owner check read, so a person who owns
// many records finds their newest mail within a few hundred links; and each record type's owner
// index, to count what a person owns up to a cap and to list a few owned records' timelines.
// Open tasks (of a person, a team, everyone) and open deals by close date: each section's count
// reads one index alone. `done` is a key, not a partial index's predicate: the server plans
// generically, and a plan for `done = $1` cannot use an index made for `NOT done` only.
const INDEXES: ReadonlyArray<[name: string, definition: string]> = [
  [
    'activity_links_recent_mail',
    "activity_links (org_id, occurred_at DESC, activity_id DESC) INCLUDE (record_type, record_id, owner_id, private) WHERE activity_type = 'email' AND NOT deleted",
  ],
  ['accounts_owner', 'accounts (org_id, owner_id) WHERE deleted_at IS NULL'],
  ['contacts_owner', 'contacts (org_id, owner_id) WHERE deleted_at IS NULL'],
  ['cases_owner', 'cases (org_id, owner_id) WHERE deleted_at IS NULL'],
  ['tasks_assignee_due', 'tasks (org_id, assignee_id, done, due_at, id) WHERE deleted_at IS NULL'],
  ['tasks_done_due', 'tasks (org_id, done, due_at, id) WHERE deleted_at IS NULL'],
  [
    'opportunities_list_status_close',
    'opportunities (org_id, status, close_date, id) WHERE deleted_at IS NULL',
  ],
];

export async function up(knex: Knex): Promise<void> {
  for (const [name, definition] of INDEXES) await knex.raw(`CREATE INDEX ${name} ON ${definition}`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [name] of INDEXES) await knex.raw(`DROP INDEX ${name}`);
}
