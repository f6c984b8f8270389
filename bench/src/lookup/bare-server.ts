import Fastify from 'fastify';
import pg from 'pg';

// The baseline: one route, no auth, no validation, one hand-written indexed query answering
// "who is this address?" with the contact and its account.
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX),
});
const orgId = process.env.BENCH_ORG_ID;
const app = Fastify();

const SQL = `
  SELECT c.id, c.first_name, c.last_name, c.title, a.id AS account_id, a.name AS account_name
  FROM contact_emails e
  JOIN contacts c ON c.org_id = e.org_id AND c.id = e.contact_id
  LEFT JOIN accounts a ON a.org_id = c.org_id AND a.id = c.account_id
  WHERE e.org_id = $1 AND e.email = $2`;

app.get('/health', async () => ({ status: 'ok' }));
interface ContactRow {
  id: string;
  first_name: string;
  last_name: string;
  title: string | null;
  account_id: string | null;
  account_name: string | null;
}

app.get<{ Querystring: { email: string } }>('/bare', async (request) => {
  const result = await pool.query<ContactRow>(SQL, [orgId, request.query.email.toLowerCase()]);
  return { contact: result.rows[0] ?? null };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
