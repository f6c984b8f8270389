import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

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
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
}

export default fp(openapi, { name: 'openapi' });
