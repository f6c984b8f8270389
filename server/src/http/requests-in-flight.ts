import type { FastifyInstance } from 'fastify';

let inFlight = 0;

/**
 * Counts the requests this process is answering, for background work that gives way to them
 * (jobs/give-way.ts). A response's `close` comes once whether it was sent or the client left.
 */
export function countRequestsInFlight(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, reply, done) => {
    inFlight += 1;
    reply.raw.once('close', () => (inFlight -= 1));
    done();
  });
}

export const requestsInFlight = (): number => inFlight;
