import { Home, RecentViewCreate } from '@inbox-crm/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { home, recordView } from './service.js';

const tags = ['home'];

/** GET /home (the console's first page), POST /recent-views (a record page opened in the console). */
export async function homeRoutes(app: App): Promise<void> {
  app.get(
    '/home',
    { schema: { tags, security: bearer, response: { 200: Home, ...errorReplies } } },
    (request) => home(app.db, request.actor),
  );
  // A write of its own rather than a side effect of GET /{records}/:id: the pane, the Gmail cards
  // and the console's related-record names read records too, and only a page a person opened counts.
  app.post(
    '/recent-views',
    {
      schema: {
        tags,
        security: bearer,
        body: RecentViewCreate,
        response: { 204: Type.Null(), ...errorReplies },
      },
    },
    async (request, reply) => {
      await recordView(app.db, request.actor, request.body);
      return reply.status(204).send(null);
    },
  );
}
