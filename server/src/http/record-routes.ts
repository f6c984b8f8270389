import type { TSchema } from 'typebox';
import { IdParams, Page } from '@inbox-crm/shared';
import type { PageOf } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { Actor } from '../actor.js';
import type { App } from './app-instance.js';
import { bearer, errorReplies } from './route-schema.js';

/** The service functions behind the six routes every record type answers. */
export interface RecordService<Item, Create, Update, Query> {
  list(db: Knex, actor: Actor, query: Query): Promise<PageOf<Item>>;
  get(db: Knex, actor: Actor, id: string): Promise<Item>;
  create(db: Knex, actor: Actor, input: Create): Promise<Item>;
  update(db: Knex, actor: Actor, id: string, input: Update): Promise<Item>;
  remove(db: Knex, actor: Actor, id: string): Promise<Item>;
  restore(db: Knex, actor: Actor, id: string): Promise<Item>;
}

export interface RecordSchemas {
  path: string;
  item: TSchema;
  create: TSchema;
  update: TSchema;
  query: TSchema;
}

/**
 * GET /{path} (list), GET /{path}/:id, POST /{path}, PATCH /{path}/:id (with version),
 * DELETE /{path}/:id (soft) and POST /{path}/:id/restore.
 */
export function registerRecordRoutes<Item, Create, Update, Query>(
  app: App,
  schemas: RecordSchemas,
  service: RecordService<Item, Create, Update, Query>,
): void {
  const { path } = schemas;
  const tags = [path];
  const { db } = app;
  const one = { 200: schemas.item, ...errorReplies };
  app.get(
    `/${path}`,
    {
      schema: {
        tags,
        security: bearer,
        querystring: schemas.query,
        response: { 200: Page(schemas.item), ...errorReplies },
      },
    },
    (request) => service.list(db, request.actor, request.query as Query),
  );
  app.get(
    `/${path}/:id`,
    { schema: { tags, security: bearer, params: IdParams, response: one } },
    (request) => service.get(db, request.actor, request.params.id),
  );
  app.post(
    `/${path}`,
    {
      schema: {
        tags,
        security: bearer,
        body: schemas.create,
        response: { 201: schemas.item, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(db, request.actor, request.body as Create)),
  );
  app.patch(
    `/${path}/:id`,
    { schema: { tags, security: bearer, params: IdParams, body: schemas.update, response: one } },
    (request) => service.update(db, request.actor, request.params.id, request.body as Update),
  );
  app.delete(
    `/${path}/:id`,
    { schema: { tags, security: bearer, params: IdParams, response: one } },
    (request) => service.remove(db, request.actor, request.params.id),
  );
  app.post(
    `/${path}/:id/restore`,
    { schema: { tags, security: bearer, params: IdParams, response: one } },
    (request) => service.restore(db, request.actor, request.params.id),
  );
}
