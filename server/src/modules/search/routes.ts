import { SearchGroups, SearchGroupsQuery, SearchQuery, SearchResult } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { searchGroups } from './grouped-search.js';
import { search } from './service.js';

export async function searchRoutes(app: App): Promise<void> {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        security: bearer,
        querystring: SearchQuery,
        response: { 200: SearchResult, ...errorReplies },
      },
    },
    (request) => search(app.db, request.actor, request.query),
  );
  app.get(
    '/search/groups',
    {
      schema: {
        tags: ['search'],
        summary: 'Matches per record type: the best few and how many in all',
        security: bearer,
        querystring: SearchGroupsQuery,
        response: { 200: SearchGroups, ...errorReplies },
      },
    },
    (request) => searchGroups(app.db, request.actor, request.query),
  );
}
