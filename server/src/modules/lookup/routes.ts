import { LookupQuery, LookupResult } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { lookup } from './service.js';

export async function lookupRoutes(app: App): Promise<void> {
  app.get(
    '/lookup',
    {
      schema: {
        tags: ['lookup'],
        security: bearer,
        description:
          'Who is this sender? `email` repeats for a message’s recipients; `phone` finds a caller. With `messageId`, also whether that message is filed.',
        querystring: LookupQuery,
        response: { 200: LookupResult, ...errorReplies },
      },
    },
    (request) => lookup(app.db, request.actor, request.query),
  );
}
