import { randomBytes } from 'node:crypto';
import { buildApp, openPostgres, wireEventSubscribers } from '@inbox-crm/server';

// The product's app on the benchmark's database, with the search index kept up (the default) or
// left behind (BENCH_SEARCH_INDEX=off): the filing baseline differs from the product in that alone.

wireEventSubscribers({ searchIndex: process.env.BENCH_SEARCH_INDEX !== 'off' });
const database = openPostgres(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4));
const app = await buildApp({
  database,
  jwtSecret: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
  publicUrl: `http://127.0.0.1:${process.env.PORT}`,
  logger: { level: 'warn' },
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
