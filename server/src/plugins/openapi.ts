import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// The viewer is swagger-ui's own scripts and styles under /docs/static; it reads the document from
// /docs/json and sends "Try it out" requests to the server the document names. Swagger's own logo,
// drawn for a moment before @fastify/swagger-ui puts its logo in its place, styles itself with one
// <style> element: that one is allowed by its hash.
const SWAGGER_LOGO_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

function docsPolicy(publicUrl: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${SWAGGER_LOGO_STYLE}`,
    "img-src 'self' data:",
    `connect-src 'self' ${new URL(publicUrl).origin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The OpenAPI document, built from the routes' TypeBox schemas, at /docs (JSON at /docs/json). */
async function openapi(app: FastifyInstance, options: { publicUrl: string; version: string }): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Inbox CRM API',
        version: options.version,
        description:
          'The CRM behind the Outlook and Gmail add-ins. Errors are always { error, message, details? }.',
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'An access token from POST /api/v1/auth/login, or an API token (icrm_…)',
          },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: docsPolicy(options.publicUrl) });
}

export default fp(openapi, { name: 'openapi' });
