import { FailedJob, IdParams } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { Type } from 'typebox';
import { requireRole, type Actor } from '../../actor.js';
import { iso, isoOrNull } from '../../db/types.js';
import { NotFound } from '../../errors.js';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { listFailedJobs, requeueFailedJob } from '../../jobs/jobs-repository.js';

const FAILED_SHOWN = 100;

async function failedJobs(db: Knex, actor: Actor): Promise<FailedJob[]> {
  requireRole(actor, 'admin');
  return (await listFailedJobs(db, actor.orgId, FAILED_SHOWN)).map((row) => ({
    id: row.id,
    kind: row.kind,
    runAt: iso(row.run_at),
    attempts: row.attempts,
    lastError: row.last_error,
    failedAt: isoOrNull(row.finished_at),
  }));
}

async function retryJob(db: Knex, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin');
  if (!(await requeueFailedJob(db, actor.orgId, id))) throw new NotFound('A failed job');
}

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
