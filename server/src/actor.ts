import type { Role } from '@inbox-crm/shared';
import { Forbidden } from './errors.js';

/** Who is asking: every service call is scoped to this organisation and checked against this role. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  teamId: string | null;
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new Forbidden(`Only ${roles.join(' or ')} users may do this.`);
  }
}

/** What acts without a person: a workflow rule, an engagement plan, or a support mailbox bringing mail in. */
export type AutomationType = 'rule' | 'plan' | 'mailbox';

/**
 * Who made a write: a person (an Actor), a workflow rule, engagement plan or support mailbox acting
 * on its own (`automation`), or the system itself (no user, no automation).
 */
export type AuditActor =
  | Pick<Actor, 'orgId' | 'userId'>
  | { orgId: string; userId: null; automation?: { type: AutomationType; id: string } };

/** A workflow rule, an engagement plan or a support mailbox acting on its own. */
export const automationActor = (orgId: string, type: AutomationType, id: string): AuditActor => ({
  orgId,
  userId: null,
  automation: { type, id },
});
