import {
  IdParams,
  Task,
  TaskCreate,
  TaskListQuery,
  TaskUpdate,
  TaskWorklist,
  TaskWorklistQuery,
} from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { registerRecordRoutes } from '../../http/record-routes.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { myTasks, setTaskDone, tasksService, teamTasks } from './service.js';

/** Tasks: work lists, complete and reopen, and the record routes every record type has. */
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
  registerRecordRoutes(
    app,
    { path: 'tasks', item: Task, create: TaskCreate, update: TaskUpdate, query: TaskListQuery },
    tasksService,
  );
}
