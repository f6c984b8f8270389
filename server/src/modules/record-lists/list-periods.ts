import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { knownTimeZone } from '../users/index.js';

// Filters that a report's bar hands to a list: the days a thing happened in (in the report's time
// zone, by default the caller's), and the people of a team. They let a list show exactly the
// records a report counted.

export interface DaysFilter {
  from?: string;
  to?: string;
  /** The zone the days are counted in; the caller's own when absent. */
  timeZone?: string;
}

/** Keeps rows whose timestamp `column` falls on the days asked for, in the zone asked for. */
export function whereOnDays(
  builder: Knex.QueryBuilder,
  column: string,
  days: DaysFilter,
  actor: Actor,
): void {
  const zone = days.timeZone ? knownTimeZone(days.timeZone, 'timeZone', 'querystring') : null;
  const zoneSql = '(coalesce(?::text, (SELECT u.time_zone FROM users u WHERE u.org_id = ? AND u.id = ?)))';
  const zoneBindings = [zone, actor.orgId, actor.userId];
  if (days.from) {
    builder.whereRaw(`${column} >= (?::date)::timestamp AT TIME ZONE ${zoneSql}`, [
      days.from,
      ...zoneBindings,
    ]);
  }
  if (days.to) {
    builder.whereRaw(`${column} < ((?::date) + 1)::timestamp AT TIME ZONE ${zoneSql}`, [
      days.to,
      ...zoneBindings,
    ]);
  }
}

/** Keeps rows owned by (or assigned to) the people of a team, whichever team it is. */
export function whereInTeam(
  db: Db,
  builder: Knex.QueryBuilder,
  column: string,
  teamId: string | undefined,
  actor: Actor,
): void {
  if (teamId)
    builder.whereIn(column, db('users').where({ org_id: actor.orgId, team_id: teamId }).select('id'));
}
