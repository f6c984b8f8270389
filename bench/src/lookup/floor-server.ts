import { createHmac } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { emailDomain, isFreeMailDomain, normalizeEmail, registrableDomain } from '@inbox-crm/shared';
import { senderViewSql } from '@inbox-crm/server';

// The same-question floor: the product's own sender-view statement (its text, for an admin, who
// sees every activity), run as the product runs it — a named prepared statement, generic plans, no
// JIT, the same pool size — behind one route with no authentication, validation, name lookups or
// mapping. What the product's GET /api/v1/lookup adds on top of this is the code around the statement.
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX),
  options: '-c plan_cache_mode=force_generic_plan -c jit=off',
});
const orgId = process.env.BENCH_ORG_ID!;
// The address as the suppression list keeps it (HMAC under the organisation's salt), as the product asks.
const { rows: organisation } = await pool.query<{ privacy_salt: string }>(
  'SELECT privacy_salt FROM organisations WHERE id = $1',
  [orgId],
);
const hashOf = (address: string) =>
  createHmac('sha256', organisation[0]!.privacy_salt).update(address).digest('hex');
const TIMELINE_LIMIT = 10;

let placeholder = 0;
const text = senderViewSql('address', 'true').replace(/\?/g, () => `$${(placeholder += 1)}`);

const app = Fastify();
app.get('/health', async () => ({ status: 'ok' }));
app.get<{ Querystring: { email: string } }>('/floor', async (request) => {
  const address = normalizeEmail(request.query.email);
  const host = emailDomain(address);
  const domain = isFreeMailDomain(host, []) ? null : (registrableDomain(host) ?? host);
  // Bindings as the product's: organisation, addresses, domains, hashes, first leads, all in full, timeline.
  const result = await pool.query({
    name: 'sender-view-floor',
    text,
    values: [orgId, [address], [domain], [hashOf(address)], false, true, TIMELINE_LIMIT],
  });
  return { rows: result.rows };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
