import type { Actor } from '../actor.js';
import type { Db } from './types.js';

export interface SqlFragment {
  sql: string;
  bindings: string[];
}

/**
 * Which activities (`alias` is their table alias) the actor may see: everything not private; their
 * own private ones; a manager also the private ones of their team; an admin all.
 */
export function visibleActivities(actor: Actor, alias: string): SqlFragment {
  if (actor.role === 'admin') return { sql: 'true', bindings: [] };
  if (actor.role === 'manager' && actor.teamId) {
    return {
      sql: `(NOT ${alias}.private OR ${alias}.owner_id = ? OR ${alias}.owner_id IN (SELECT tm.id FROM users tm WHERE tm.org_id = ${alias}.org_id AND tm.team_id = ?))`,
      bindings: [actor.userId, actor.teamId],
    };
  }
  return { sql: `(NOT ${alias}.private OR ${alias}.owner_id = ?)`, bindings: [actor.userId] };
}

/** The same rule for one activity already loaded. */
export async function canSeeActivity(
  db: Db,
  actor: Actor,
  activity: { private: boolean; ownerId: string | null },
): Promise<boolean> {
  if (!activity.private || actor.role === 'admin' || activity.ownerId === actor.userId) return true;
  if (actor.role !== 'manager' || !actor.teamId || !activity.ownerId) return false;
  const owner = await db<{ org_id: string; id: string; team_id: string | null }>('users')
    .where({ org_id: actor.orgId, id: activity.ownerId })
    .first('team_id');
  return owner?.team_id === actor.teamId;
}
