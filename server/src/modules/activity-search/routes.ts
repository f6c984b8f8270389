import { ActivitySearchQuery, ActivitySearchResult, RANKED_MATCHES_CAP } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { searchActivities } from './service.js';

export async function activitySearchRoutes(app: App): Promise<void> {
  app.get(
    '/search/activities',
    {
      schema: {
        tags: ['search'],
        summary: 'Full-text search over filed email, calls, meetings and notes',
        description: `Words match case and accents aside; "a phrase" matches words in order; -word leaves out; the last word matches as a prefix. Sorted by relevance and recency (among the newest ${RANKED_MATCHES_CAP} matches) or newest first (every match, cursor-paged). Private items follow the timelines' rule.`,
        security: bearer,
        querystring: ActivitySearchQuery,
        response: { 200: ActivitySearchResult, ...errorReplies },
      },
    },
    (request) => searchActivities(app.db, request.actor, request.query),
  );
}
