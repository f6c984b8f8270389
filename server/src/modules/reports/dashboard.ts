import type { Dashboard, DashboardUpdate, ReportName, Role } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';

/** What each role sees on its home before choosing: a rep their deals and work, a manager the team's results, an admin the organisation's. */
export const DEFAULT_TILES: Record<Role, ReportName[]> = {
  member: ['pipeline', 'forecast', 'activity', 'going-cold'],
  manager: ['pipeline', 'forecast', 'win-rate', 'activity', 'cases'],
  admin: ['pipeline', 'forecast', 'win-rate', 'cases', 'correspondence'],
};

export async function dashboardOf(db: Db, actor: Actor): Promise<Dashboard> {
  const row = (await db('dashboard_tiles')
    .where({ org_id: actor.orgId, user_id: actor.userId })
    .first('tiles')) as { tiles: ReportName[] } | undefined;
  return row ? { tiles: row.tiles, custom: true } : { tiles: DEFAULT_TILES[actor.role], custom: false };
}

/** Pins these reports, in this order, to the person's own dashboard; null goes back to the role's. */
export async function saveDashboard(db: Db, actor: Actor, update: DashboardUpdate): Promise<Dashboard> {
  if (update.tiles === null) return resetDashboard(db, actor);
  await db('dashboard_tiles')
    .insert({ org_id: actor.orgId, user_id: actor.userId, tiles: update.tiles })
    .onConflict(['org_id', 'user_id'])
    .merge({ tiles: update.tiles, updated_at: db.fn.now() });
  return { tiles: update.tiles, custom: true };
}

async function resetDashboard(db: Db, actor: Actor): Promise<Dashboard> {
  await db('dashboard_tiles').where({ org_id: actor.orgId, user_id: actor.userId }).delete();
  return { tiles: DEFAULT_TILES[actor.role], custom: false };
}
