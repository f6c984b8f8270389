import { LookupQuery, LookupRequest, LookupResult } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { lookup } from './service.js';

const tags = ['lookup'];

/** The query string's form of a request: `email` repeats, `references` may be one header value (the service splits it). */
function requestOfQuery(query: LookupQuery): LookupRequest {
  const { email, references, ...rest } = query;
  return {
    ...rest,
    emails: email === undefined ? [] : [email].flat(),
    ...(references === undefined ? {} : { references: [references].flat() }),
    others: 'full',
  };
}

export async function lookupRoutes(app: App): Promise<void> {
  app.get(
    '/lookup',
    {
      schema: {
        tags,
        security: bearer,
        description:
          'Who is this sender? `email` repeats for a message’s recipients (up to 50; POST for more); `phone` finds a caller. With `messageId`, also whether that message is filed. Every address is answered in full.',
        querystring: LookupQuery,
        response: { 200: LookupResult, ...errorReplies },
      },
    },
    (request) => lookup(app.db, request.actor, requestOfQuery(request.query)),
  );
  app.post(
    '/lookup',
    {
      schema: {
        tags,
        security: bearer,
        description:
          'The sender view for every party of a message, however many (a 300-recipient announcement included), in one statement. Only the leading party is answered in full unless `others` is `full`.',
        body: LookupRequest,
        response: { 200: LookupResult, ...errorReplies },
      },
    },
    (request) => lookup(app.db, request.actor, request.body),
  );
}
