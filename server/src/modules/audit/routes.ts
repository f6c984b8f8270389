import { AuditEntry, AuditListQuery, Page } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { auditLog } from './service.js';

export async function auditRoutes(app: App): Promise<void> {
  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        security: bearer,
        querystring: AuditListQuery,
        response: { 200: Page(AuditEntry), ...errorReplies },
      },
    },
    (request) => auditLog(app.db, request.actor, request.query),
  );
}
