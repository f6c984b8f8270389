import { AuditEntry, AuditListQuery, Page } from '@inbox-crm/shared';
import { requireRole } from '../../actor.js';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { listAudit } from './repository.js';

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
    (request) => {
      requireRole(request.actor, 'admin');
      return listAudit(app.db, request.actor.orgId, request.query);
    },
  );
}
