import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import {
  ApiToken,
  ApiTokenCreate,
  ApiTokenCreated,
  IdParams,
  LoginBody,
  MyPreferences,
  RefreshBody,
  Session,
  User,
} from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { updateMyPreferences } from '../users/index.js';
import * as service from './service.js';

/**
 * The client's address: the one trusted proxies forwarded (TRUST_PROXY), unless what they forwarded
 * is not an address at all, then the connection's own.
 */
function clientIp(request: FastifyRequest): string {
  return isIP(request.ip) !== 0 ? request.ip : (request.socket.remoteAddress ?? 'unknown');
}

/**
 * Public: sign in (throttled per address and per IP, see login-throttle), refresh and sign out. A
 * bad password costs the same time as a good one.
 */
export async function authRoutes(app: App): Promise<void> {
  const tags = ['auth'];
  const sign: service.SignAccessToken = (actor, sessionId) => app.signAccessToken(actor, sessionId);
  app.post(
    '/auth/login',
    { schema: { tags, body: LoginBody, response: { 200: Session, ...errorReplies } } },
    (request) => service.login(app.db, sign, { ...request.body, ip: clientIp(request) }),
  );
  app.post(
    '/auth/refresh',
    { schema: { tags, body: RefreshBody, response: { 200: Session, ...errorReplies } } },
    (request) => service.refresh(app.db, sign, request.body.refreshToken),
  );
  app.post(
    '/auth/logout',
    { schema: { tags, body: RefreshBody, response: { 204: Type.Null(), ...errorReplies } } },
    async (request, reply) => {
      await service.logout(app.db, request.body.refreshToken);
      return reply.status(204).send(null);
    },
  );
}

/** Behind authentication: who am I, and my API tokens. */
export async function sessionRoutes(app: App): Promise<void> {
  const tags = ['auth'];
  app.get(
    '/auth/me',
    { schema: { tags, security: bearer, response: { 200: User, ...errorReplies } } },
    (request) => service.me(app.db, request.actor),
  );
  app.patch(
    '/auth/me',
    { schema: { tags, security: bearer, body: MyPreferences, response: { 200: User, ...errorReplies } } },
    (request) => updateMyPreferences(app.db, request.actor, request.body),
  );
  app.get(
    '/api-tokens',
    {
      schema: {
        tags,
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...errorReplies },
      },
    },
    async (request) => ({ items: await service.listApiTokens(app.db, request.actor) }),
  );
  app.post(
    '/api-tokens',
    {
      schema: {
        tags,
        security: bearer,
        body: ApiTokenCreate,
        response: { 201: ApiTokenCreated, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createApiToken(app.db, request.actor, request.body)),
  );
  app.delete(
    '/api-tokens/:id',
    { schema: { tags, security: bearer, params: IdParams, response: { 204: Type.Null(), ...errorReplies } } },
    async (request, reply) => {
      await service.revokeApiToken(app.db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
