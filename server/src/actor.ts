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
