import type { Knex } from 'knex';

// A contact list searched and sorted by name reads its matches in parts (see
// server/src/modules/record-lists/contact-name-search.ts): those whose sort name starts with a
// query word, each a range of the name index in name order; and the others, found through this
// index. It holds a contact's search words but the first word of its sort name, so that a word
// that many contacts share by last name finds here only the few that have it elsewhere.
//
// The function is PL/pgSQL so that it is never inlined (the list queries with the same call), and
// PARALLEL RESTRICTED so that reading those few never starts parallel workers, which cost more
// than the read; immutable like the words it takes apart.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION contact_search_rest(search_text text, last_name text, first_name text) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL RESTRICTED AS $$
    BEGIN
      RETURN ts_delete(
        to_tsvector('simple', search_text),
        coalesce(substring(lower(last_name || ' ' || first_name) from '^[a-z0-9]+'), '')
      );
    END
    $$`);
  await knex.raw(
    'CREATE INDEX contacts_search_rest ON contacts USING gin (contact_search_rest(search_text, last_name, first_name)) WHERE deleted_at IS NULL',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX contacts_search_rest');
  await knex.raw('DROP FUNCTION contact_search_rest(text, text, text)');
}
