import type { Knex } from 'knex';

// A website form's token needs to record consent and nothing else; until now every token carried
// all of its creator's rights. Existing tokens keep them ('full').
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `ALTER TABLE api_tokens ADD COLUMN scope text NOT NULL DEFAULT 'full' CHECK (scope IN ('full', 'consent'))`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE api_tokens DROP COLUMN scope');
}
