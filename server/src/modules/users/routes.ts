import {
  IdParams,
  Page,
  Team,
  TeamCreate,
  TeamUpdate,
  User,
  UserCreate,
  UserListQuery,
  UserUpdate,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import * as service from './service.js';

export async function usersRoutes(app: App): Promise<void> {
  const tags = ['users'];
  app.get(
    '/users',
    {
      schema: {
        tags,
        security: bearer,
        querystring: UserListQuery,
        response: { 200: Page(User), ...errorReplies },
      },
    },
    (request) => service.listUsers(app.db, request.actor, request.query),
  );
  app.get(
    '/users/:id',
    { schema: { tags, security: bearer, params: IdParams, response: { 200: User, ...errorReplies } } },
    (request) => service.getUser(app.db, request.actor, request.params.id),
  );
  app.post(
    '/users',
    { schema: { tags, security: bearer, body: UserCreate, response: { 201: User, ...errorReplies } } },
    async (request, reply) =>
      reply.status(201).send(await service.createUser(app.db, request.actor, request.body)),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        body: UserUpdate,
        response: { 200: User, ...errorReplies },
      },
    },
    (request) => service.updateUser(app.db, request.actor, request.params.id, request.body),
  );
  app.get(
    '/teams',
    {
      schema: {
        tags,
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(Team) }), ...errorReplies },
      },
    },
    async (request) => ({ items: await service.listTeams(app.db, request.actor) }),
  );
  app.post(
    '/teams',
    { schema: { tags, security: bearer, body: TeamCreate, response: { 201: Team, ...errorReplies } } },
    async (request, reply) =>
      reply.status(201).send(await service.createTeam(app.db, request.actor, request.body)),
  );
  app.patch(
    '/teams/:id',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        body: TeamUpdate,
        response: { 200: Team, ...errorReplies },
      },
    },
    (request) => service.updateTeam(app.db, request.actor, request.params.id, request.body),
  );
}
