import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Knex } from 'knex';
import type { Database, DatabaseKind } from '../db/database.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Knex;
    dbKind: DatabaseKind;
    /** Where reports read: a pool of their own, or a read replica. */
    reportsDb: Knex;
  }
}

/** Hands the database to every route; the caller that opened it closes it. */
async function database(
  app: FastifyInstance,
  options: { database: Database; reportsDb?: Knex },
): Promise<void> {
  app.decorate('db', options.database.knex);
  app.decorate('reportsDb', options.reportsDb ?? options.database.knex);
  app.decorate('dbKind', options.database.kind);
}

export default fp(database, { name: 'database' });
