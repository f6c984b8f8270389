import pg from 'pg';
import { searchDocument } from '@inbox-crm/server';
import {
  accountId,
  accountOfContact,
  contactAddress,
  contactId,
  emailId,
  generateEmail,
  type GeneratedEmail,
} from './data-set.js';
import { benchOwnerId } from './owners.js';
import { Vocabulary } from './vocabulary.js';

// One loader process: emails [BENCH_FROM, BENCH_TO) of the data set, with their links and search
// rows (made by the server's own searchDocument), written in batches. run.ts starts two of these.

const BATCH = 250;
const NEWEST = Date.parse('2026-12-01T00:00:00Z');

const vocabulary = new Vocabulary();
const orgId = process.env.BENCH_ORG_ID!;
const from = Number(process.env.BENCH_FROM);
const to = Number(process.env.BENCH_TO);

function rowsOf(email: GeneratedEmail) {
  const id = emailId(email.g);
  const owner = benchOwnerId(email.owner);
  const customer = {
    email: contactAddress(email.contact),
    name: `First${email.contact} Last${email.contact}`,
  };
  const colleague = { email: `owner${email.owner}@search-bench.example`, name: `Owner ${email.owner}` };
  const [sender, recipient] = email.inbound ? [customer, colleague] : [colleague, customer];
  const sentAt = new Date(NEWEST - email.ageSeconds * 1000).toISOString();
  const links = [
    { type: 'contact' as const, id: contactId(email.contact) },
    { type: 'account' as const, id: accountId(accountOfContact(email.contact)) },
  ];
  const document = searchDocument({
    id,
    type: 'email',
    subject: email.subject,
    body: email.body,
    participants: [sender, recipient],
    attachmentNames: [],
    links,
    filers: [owner],
  });
  return { id, owner, sender, recipient, sentAt, links, document, email };
}

async function insertBatch(client: pg.Client, rows: ReturnType<typeof rowsOf>[]): Promise<void> {
  const col = <T>(pick: (row: ReturnType<typeof rowsOf>) => T) => rows.map(pick);
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO activities (org_id, id, type, subject, snippet, occurred_at, owner_id, private, message_key, direction)
     SELECT $1, id, 'email', subject, left(body, 200), at, owner, private, key, direction
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::uuid[], $7::boolean[], $8::text[], $9::text[])
       AS v(id, subject, body, at, owner, private, key, direction)`,
    [
      orgId,
      col((r) => r.id),
      col((r) => r.email.subject),
      col((r) => r.email.body),
      col((r) => r.sentAt),
      col((r) => r.owner),
      col((r) => r.email.private),
      col((r) => `<bench.${r.email.g}@search-bench.example>`),
      col((r) => (r.email.inbound ? 'inbound' : 'outbound')),
    ],
  );
  await client.query(
    `INSERT INTO email_messages (org_id, activity_id, message_id, from_email, from_name, to_recipients, sent_at, body_text, source, filed_by)
     SELECT $1, id, key, from_email, from_name, jsonb_build_array(jsonb_build_object('email', to_email, 'name', to_name)), at, body, 'outlook', owner
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[], $10::uuid[])
       AS v(id, key, from_email, from_name, to_email, to_name, at, body, owner)`,
    [
      orgId,
      col((r) => r.id),
      col((r) => `<bench.${r.email.g}@search-bench.example>`),
      col((r) => r.sender.email),
      col((r) => r.sender.name),
      col((r) => r.recipient.email),
      col((r) => r.recipient.name),
      col((r) => r.sentAt),
      col((r) => r.email.body),
      col((r) => r.owner),
    ],
  );
  const links = rows.flatMap((r) => r.links.map((link) => ({ r, link })));
  await client.query(
    `INSERT INTO activity_links (org_id, activity_id, record_type, record_id, activity_type, occurred_at, subject, snippet,
                                 owner_id, private, from_email, from_name, created_by)
     SELECT $1, id, type, record, 'email', at, subject, left(body, 200), owner, private, from_email, from_name, owner
     FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[], $6::text[], $7::text[], $8::uuid[], $9::boolean[], $10::text[], $11::text[])
       AS v(id, type, record, at, subject, body, owner, private, from_email, from_name)`,
    [
      orgId,
      links.map((x) => x.r.id),
      links.map((x) => x.link.type),
      links.map((x) => x.link.id),
      links.map((x) => x.r.sentAt),
      links.map((x) => x.r.email.subject),
      links.map((x) => x.r.email.body.slice(0, 300)),
      links.map((x) => x.r.owner),
      links.map((x) => x.r.email.private),
      links.map((x) => x.r.sender.email),
      links.map((x) => x.r.sender.name),
    ],
  );
  await client.query(
    `INSERT INTO activity_search (org_id, activity_id, activity_type, occurred_at, owner_id, private, document)
     SELECT $1, id, 'email', at, owner, private, document::tsvector
     FROM unnest($2::uuid[], $3::timestamptz[], $4::uuid[], $5::boolean[], $6::text[]) AS v(id, at, owner, private, document)`,
    [
      orgId,
      col((r) => r.id),
      col((r) => r.sentAt),
      col((r) => r.owner),
      col((r) => r.email.private),
      col((r) => r.document),
    ],
  );
  await client.query('COMMIT');
}

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
await client.query('SET synchronous_commit = off');
for (let start = from; start < to; start += BATCH) {
  const rows: ReturnType<typeof rowsOf>[] = [];
  for (let g = start; g < Math.min(to, start + BATCH); g += 1)
    rows.push(rowsOf(generateEmail(vocabulary, g)));
  await insertBatch(client, rows);
  process.send?.({ done: Math.min(to, start + BATCH) - start });
}
await client.end();
