import type { Knex } from 'knex';

// A person's (or a team's) live cases by when they were opened, with what the cases report counts
// of each: the report's weeks and open cases by age read a team's cases from this index alone. It
// takes the place of the index by owner alone, whose every use it serves.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX cases_owner_opened ON cases (org_id, owner_id, created_at)
     INCLUDE (status, priority, account_id) WHERE deleted_at IS NULL`,
  );
  await knex.raw('DROP INDEX cases_owner');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX cases_owner ON cases (org_id, owner_id) WHERE deleted_at IS NULL');
  await knex.raw('DROP INDEX cases_owner_opened');
}
