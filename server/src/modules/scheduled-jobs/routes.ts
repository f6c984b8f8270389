import { FailedJob, IdParams } from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { failedJobs, retryJob } from './service.js';

/** Scheduled work that failed for good, for admins, who can run it again. */
export async function scheduledJobRoutes(app: App): Promise<void> {
  const tags = ['workflow'];
  app.get(
    '/scheduled-jobs/failed',
    {
      schema: {
        tags,
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(FailedJob) }), ...errorReplies },
      },
    },
    async (request) => ({ items: await failedJobs(app.db, request.actor) }),
  );
  app.post(
    '/scheduled-jobs/:id/retry',
    { schema: { tags, security: bearer, params: IdParams, response: { 204: Type.Null(), ...errorReplies } } },
    async (request, reply) => {
      await retryJob(app.db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
