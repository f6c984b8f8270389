import type { Knex } from 'knex';
import type { AuditEntry, AuditListQuery, PageOf } from '@inbox-crm/shared';
import { requireRole, type Actor } from '../../actor.js';
import { listAudit } from './repository.js';

/** The organisation's audit log, newest first, for admins. */
export function auditLog(db: Knex, actor: Actor, query: AuditListQuery): Promise<PageOf<AuditEntry>> {
  requireRole(actor, 'admin');
  return listAudit(db, actor.orgId, query);
}
