import type { Knex } from 'knex';

/**
 * Filed mail made in SQL (the filing path is the filing benchmark's to measure): `count` emails from
 * `from` to the organisation's own address, each filed to `contactId`, with a 2 KB body that names
 * the sender; every `sharedEvery`-th one also has another customer on copy. Search rows are built
 * afterwards by the product's own indexer.
 */
export async function seedMail(
  knex: Knex,
  options: {
    orgId: string;
    ownerId: string;
    contactId: string;
    from: { email: string; name: string };
    to: string;
    count: number;
    sharedEvery: number;
    tag: string;
  },
): Promise<void> {
  const { orgId, ownerId, contactId, from, to, count, sharedEvery, tag } = options;
  const filler = 'Thanks for the update on the delivery schedule and the revised quote. '.repeat(28);
  await knex.transaction(async (trx) => {
    await trx.raw(
      `CREATE TEMP TABLE seeded ON COMMIT DROP AS
         SELECT gen_random_uuid() AS id, n, now() - n * interval '1 hour' AS at FROM generate_series(1, ?) AS n`,
      [count],
    );
    await trx.raw(
      `INSERT INTO activities (org_id, id, type, subject, snippet, occurred_at, owner_id, private, message_key, direction)
       SELECT ?, id, 'email', 'Order ' || n || ' from ' || CAST(? AS text), left(?, 200), at, ?, false, '<' || CAST(? AS text) || '.' || n || '@bench.example>', 'inbound'
       FROM seeded`,
      [orgId, from.name, filler, ownerId, tag],
    );
    await trx.raw(
      `INSERT INTO email_messages (org_id, activity_id, message_id, from_email, from_name, to_recipients, cc_recipients,
                                   sent_at, body_text, source, filed_by)
       SELECT ?, id, '<' || CAST(? AS text) || '.' || n || '@bench.example>', ?, ?, jsonb_build_array(jsonb_build_object('email', CAST(? AS text), 'name', 'Sales')),
         CASE WHEN n % ? = 0 THEN jsonb_build_array(jsonb_build_object('email', 'other.' || n || '@elsewhere-bench.example', 'name', 'Other Person'))
              ELSE '[]'::jsonb END,
         at, 'Hello, ' || CAST(? AS text) || E'\\n\\n' || CAST(? AS text) || E'\\n\\nRegards, ' || CAST(? AS text), 'outlook', ?
       FROM seeded`,
      [orgId, tag, from.email, from.name, to, sharedEvery, from.name, filler, from.name, ownerId],
    );
    await trx.raw(
      `INSERT INTO activity_links (org_id, activity_id, record_type, record_id, activity_type, occurred_at, subject, snippet,
                                   owner_id, private, from_email, from_name, created_by)
       SELECT ?, s.id, 'contact', ?, 'email', s.at, a.subject, a.snippet, ?, false, ?, ?, ?
       FROM seeded s JOIN activities a ON a.org_id = ? AND a.id = s.id`,
      [orgId, contactId, ownerId, from.email, from.name, ownerId, orgId],
    );
  });
}
