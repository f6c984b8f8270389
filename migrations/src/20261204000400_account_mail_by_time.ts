import type { Knex } from 'knex';

// The email filed to accounts, by when it was sent, for the whole organisation and per owner: the
// correspondence report counts a period's mail per account without reading every link, or every
// owner's when it is asked for a team. Only account links of live email are kept (an eighth of
// the links), so filing pays little for them.
const ACCOUNT_MAIL = `record_type = 'account' AND activity_type = 'email' AND NOT deleted`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX activity_links_account_mail ON activity_links (org_id, occurred_at)
     INCLUDE (record_id, owner_id, private) WHERE ${ACCOUNT_MAIL}`,
  );
  await knex.raw(
    `CREATE INDEX activity_links_account_mail_by_owner ON activity_links (org_id, owner_id, occurred_at)
     INCLUDE (record_id, private) WHERE ${ACCOUNT_MAIL}`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS activity_links_account_mail_by_owner');
  await knex.raw('DROP INDEX IF EXISTS activity_links_account_mail');
}
