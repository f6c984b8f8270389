import { IdParams, Page, RECORD_TYPES, TimelineEntry, TimelineQuery } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { recordTimeline } from './service.js';

const PATHS = {
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  case: 'cases',
} as const;

/** GET /{accounts|contacts|opportunities|cases}/:id/timeline?type=&ownerId=&since=&until=&cursor=&limit= */
export async function timelineRoutes(app: App): Promise<void> {
  for (const recordType of RECORD_TYPES) {
    app.get(
      `/${PATHS[recordType]}/:id/timeline`,
      {
        schema: {
          tags: ['timeline'],
          security: bearer,
          params: IdParams,
          querystring: TimelineQuery,
          response: { 200: Page(TimelineEntry), ...errorReplies },
        },
      },
      (request) => recordTimeline(app.db, request.actor, recordType, request.params.id, request.query),
    );
  }
}
