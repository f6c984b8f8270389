import type { Knex } from 'knex';

// A record deleted for good (an import reverted, a person erased) has its tasks' references checked
// by PostgreSQL; only open tasks were indexed by record, so each check read every task. Tasks by
// record, done or not, make it one index probe.
const INDEXES = [
  ['tasks_by_contact', 'contact_id'],
  ['tasks_by_account', 'account_id'],
  ['tasks_by_opportunity', 'opportunity_id'],
  ['tasks_by_case', 'case_id'],
] as const;

export async function up(knex: Knex): Promise<void> {
  for (const [name, column] of INDEXES) {
    await knex.raw(`CREATE INDEX ${name} ON tasks (org_id, ${column}) WHERE ${column} IS NOT NULL`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const [name] of INDEXES) await knex.raw(`DROP INDEX ${name}`);
}
