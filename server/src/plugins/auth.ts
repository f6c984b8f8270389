import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import fp from 'fastify-plugin';
import type { Role } from '@inbox-crm/shared';
import type { Actor } from '../actor.js';
import { Forbidden, Unauthorized } from '../errors.js';
import {
  ACCESS_TOKEN_SECONDS,
  actorForApiToken,
  API_TOKEN_PREFIX,
  sessionState,
} from '../modules/auth/index.js';

/** What an access token carries: enough to scope a request without reading the database. */
export interface AccessClaims {
  sub: string;
  org: string;
  /** The session (sign-in) the token belongs to; ending it ends the token. Tokens signed before
   * sessions existed have none, and are refused. */
  sid?: string;
  /** The role and team at signing, for clients to read; requests use the current ones. */
  role: Role;
  team: string | null;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyInstance {
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    signAccessToken(actor: Actor, sessionId: string): string;
  }
}

/**
 * The token's holder as they are now: a role change or a deactivation bites on the next request,
 * and so does the end of the session (logout, a reused refresh token).
 */
async function currentActor(db: Knex, claims: AccessClaims): Promise<Actor> {
  const state = claims.sid ? await sessionState(db, claims.org, claims.sub, claims.sid) : null;
  const ended = () => new Unauthorized('This session has ended; sign in again.', 'session_expired');
  if (!state) throw ended();
  if (!state.userActive)
    throw new Unauthorized('This user has been deactivated; ask an admin.', 'user_inactive');
  if (state.sessionEnded) throw ended();
  return { userId: claims.sub, orgId: claims.org, role: state.role, teamId: state.teamId };
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new Unauthorized();
  return match[1];
}

/** What a token scoped to consent (a website form's) may call. */
const CONSENT_ROUTES = new Set(['POST /api/v1/consents']);

async function auth(app: FastifyInstance, options: { secret: string }): Promise<void> {
  await app.register(fastifyJwt, {
    secret: options.secret,
    sign: { expiresIn: ACCESS_TOKEN_SECONDS, algorithm: 'HS256' },
    // A token verified once is remembered (by its text, until it expires): the pane sends the same one on every message.
    verify: { algorithms: ['HS256'], cache: true },
  });

  app.decorateRequest('actor', null as unknown as Actor);

  app.decorate('signAccessToken', (actor: Actor, sessionId: string) =>
    app.jwt.sign({
      sub: actor.userId,
      org: actor.orgId,
      sid: sessionId,
      role: actor.role,
      team: actor.teamId,
    }),
  );

  app.decorate('authenticate', async (request: FastifyRequest) => {
    const token = bearerToken(request);
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const found = await actorForApiToken(app.db, token);
      if (!found) throw new Unauthorized('This API token is not valid or was revoked.', 'invalid_token');
      if (found.scope === 'consent' && !CONSENT_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) {
        throw new Forbidden('This API token may only record consent (POST /api/v1/consents).');
      }
      request.actor = found.actor;
      return;
    }
    let claims: AccessClaims;
    try {
      claims = app.jwt.verify<AccessClaims>(token);
    } catch (error) {
      const expired = (error as { code?: string }).code === 'FAST_JWT_EXPIRED';
      throw expired
        ? new Unauthorized('Your session has expired; sign in again.', 'session_expired')
        : new Unauthorized('The access token is not valid.', 'invalid_token');
    }
    request.actor = await currentActor(app.db, claims);
  });
}

export default fp(auth, { name: 'auth', dependencies: ['database'] });
