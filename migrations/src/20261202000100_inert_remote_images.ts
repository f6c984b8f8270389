import type { Knex } from 'knex';

// Bodies filed before remote images were stored inert: each <img src="https://…"> (as the sanitizer
// wrote it: double-quoted, the URL perhaps after white space) becomes <img data-src="https://…">, as the sanitizer writes it now.
// knex reads a bare ? as a binding, so the patterns' ? are written \\?.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `UPDATE email_messages
     SET body_html = regexp_replace(body_html, '(<img\\s(\\?:[^>]*\\s)\\?)src="\\s*(https:[^"]*)"', '\\1data-src="\\2"', 'gi')
     WHERE body_html ~* '<img\\s(\\?:[^>]*\\s)\\?src="\\s*https:'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(
    `UPDATE email_messages
     SET body_html = regexp_replace(body_html, '(<img\\s(\\?:[^>]*\\s)\\?)data-src="(https:[^"]*)"', '\\1src="\\2"', 'gi')
     WHERE body_html ~* '<img\\s(\\?:[^>]*\\s)\\?data-src="https:'`,
  );
}
