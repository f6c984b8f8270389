import { IdParams, Task, TaskWorklist, TaskWorklistQuery } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { myTasks, setTaskDone, teamTasks } from './service.js';

/** The task routes beyond the record routes: work lists, complete and reopen. */
export async function taskRoutes(app: App): Promise<void> {
  const tags = ['tasks'];
  const list = {
    tags,
    security: bearer,
    querystring: TaskWorklistQuery,
    response: { 200: TaskWorklist, ...errorReplies },
  };
  app.get('/tasks/mine', { schema: list }, async (request) => ({
    items: await myTasks(app.db, request.actor, request.query),
  }));
  app.get('/tasks/team', { schema: list }, async (request) => ({
    items: await teamTasks(app.db, request.actor, request.query),
  }));
  const one = { tags, security: bearer, params: IdParams, response: { 200: Task, ...errorReplies } };
  app.post('/tasks/:id/complete', { schema: one }, (request) =>
    setTaskDone(app.db, request.actor, request.params.id, true),
  );
  app.post('/tasks/:id/reopen', { schema: one }, (request) =>
    setTaskDone(app.db, request.actor, request.params.id, false),
  );
}
