import type { FastifyInstance } from 'fastify';

/**
 * One log line per request, when it has been answered: method, route, status and time (Fastify's
 * own two lines per request are turned off in buildApp). The route pattern is logged rather than
 * the URL, whose query string may carry people's addresses (GET /lookup?email=…).
 */
export function logOneLinePerRequest(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?', 1)[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request answered',
    );
    done();
  });
}
