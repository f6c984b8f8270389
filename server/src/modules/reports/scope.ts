import type { ReportRange } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { Forbidden, NotFound } from '../../errors.js';
import { knownTimeZone, timeZoneOf } from '../users/index.js';

/** Whose work a report counts, and in which time zone it draws its weeks and months. */
export interface ReportScope {
  orgId: string;
  viewer: Actor;
  /** The people reported on; null: the whole organisation, records without an owner included. */
  people: string[] | null;
  kind: ReportRange['people'];
  timeZone: string;
  accountId: string | null;
}

export interface ScopeFilters {
  ownerId?: string;
  teamId?: string;
  accountId?: string;
  timeZone?: string;
}

async function teamMembers(db: Db, orgId: string, teamId: string): Promise<string[]> {
  const team = (await db('teams').where({ org_id: orgId, id: teamId }).first('id')) as
    { id: string } | undefined;
  if (!team) throw new NotFound('The team');
  return (await db('users').where({ org_id: orgId, team_id: teamId }).pluck('id')) as string[];
}

async function checkPerson(db: Db, orgId: string, userId: string): Promise<void> {
  if (!(await db('users').where({ org_id: orgId, id: userId }).first('id'))) throw new NotFound('The person');
}

/**
 * The people the caller may report on — an admin anyone, a manager their team (themselves
 * included), a member themselves — narrowed to the person or team asked for; asking past that is
 * refused, never silently narrowed.
 */
async function peopleFor(
  db: Db,
  actor: Actor,
  filters: ScopeFilters,
): Promise<Pick<ReportScope, 'people' | 'kind'>> {
  const { orgId, userId, role } = actor;
  if (role === 'admin') {
    if (filters.ownerId) await checkPerson(db, orgId, filters.ownerId);
    const team = filters.teamId ? await teamMembers(db, orgId, filters.teamId) : null;
    if (filters.ownerId) {
      return { people: team && !team.includes(filters.ownerId) ? [] : [filters.ownerId], kind: 'person' };
    }
    return team ? { people: team, kind: 'team' } : { people: null, kind: 'organisation' };
  }
  const ownTeam = role === 'manager' && actor.teamId ? await teamMembers(db, orgId, actor.teamId) : [];
  const allowed = [...new Set([userId, ...ownTeam])];
  if (filters.teamId && (role !== 'manager' || filters.teamId !== actor.teamId)) {
    throw new Forbidden(
      role === 'manager'
        ? 'Managers see the reports of their own team.'
        : 'Members see reports of their own work; ask a manager for the team’s.',
    );
  }
  if (filters.ownerId) {
    if (!allowed.includes(filters.ownerId)) {
      throw new Forbidden(
        role === 'manager'
          ? 'Managers see the reports of the people in their team.'
          : 'Members see reports of their own work.',
      );
    }
    return { people: [filters.ownerId], kind: 'person' };
  }
  return allowed.length > 1 ? { people: allowed, kind: 'team' } : { people: allowed, kind: 'person' };
}

export async function reportScope(db: Db, actor: Actor, filters: ScopeFilters): Promise<ReportScope> {
  return {
    orgId: actor.orgId,
    viewer: actor,
    ...(await peopleFor(db, actor, filters)),
    timeZone: filters.timeZone
      ? knownTimeZone(filters.timeZone, 'timeZone', 'querystring')
      : await timeZoneOf(db, actor.orgId, actor.userId),
    accountId: filters.accountId ?? null,
  };
}
