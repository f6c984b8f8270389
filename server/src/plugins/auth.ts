import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '@inbox-crm/shared';
import type { Actor } from '../actor.js';
import { Unauthorized } from '../errors.js';
import { API_TOKEN_PREFIX } from '../modules/auth/opaque-tokens.js';
import { actorForApiToken } from '../modules/auth/repository.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

/** What an access token carries: enough to scope a request without reading the database. */
export interface AccessClaims {
  sub: string;
  org: string;
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
    signAccessToken(actor: Actor): string;
  }
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new Unauthorized();
  return match[1];
}

async function auth(app: FastifyInstance, options: { secret: string }): Promise<void> {
  await app.register(fastifyJwt, {
    secret: options.secret,
    sign: { expiresIn: ACCESS_TOKEN_SECONDS, algorithm: 'HS256' },
    verify: { algorithms: ['HS256'] },
  });

  app.decorateRequest('actor', null as unknown as Actor);

  app.decorate('signAccessToken', (actor: Actor) =>
    app.jwt.sign({ sub: actor.userId, org: actor.orgId, role: actor.role, team: actor.teamId }),
  );

  app.decorate('authenticate', async (request: FastifyRequest) => {
    const token = bearerToken(request);
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const actor = await actorForApiToken(app.db, token);
      if (!actor) throw new Unauthorized('This API token is not valid or was revoked.', 'invalid_token');
      request.actor = actor;
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
    request.actor = { userId: claims.sub, orgId: claims.org, role: claims.role, teamId: claims.team };
  });
}

export default fp(auth, { name: 'auth', dependencies: ['database'] });
