import type { PageOf, Role, Team, User, UserListQuery } from '@inbox-crm/shared';
import { pageById } from '../../db/pagination.js';
import { iso, type Db } from '../../db/types.js';

export interface UserRow {
  org_id: string;
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: Role;
  team_id: string | null;
  manager_id: string | null;
  time_zone: string;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    teamId: row.team_id,
    managerId: row.manager_id,
    timeZone: row.time_zone,
    active: row.active,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return (await db('users').where({ email }).first()) as UserRow | undefined;
}

export async function findUser(
  db: Db,
  orgId: string,
  id: string,
  lock = false,
): Promise<UserRow | undefined> {
  const query = db('users').where({ org_id: orgId, id }).first();
  if (lock) query.forUpdate();
  return (await query) as UserRow | undefined;
}

export async function insertUser(
  db: Db,
  row: Omit<UserRow, 'version' | 'created_at' | 'updated_at' | 'active' | 'manager_id' | 'time_zone'> &
    Partial<Pick<UserRow, 'manager_id' | 'time_zone'>>,
) {
  const [created] = (await db('users').insert(row).returning('*')) as UserRow[];
  return created!;
}

export async function updateUser(
  db: Db,
  orgId: string,
  id: string,
  changes: Partial<UserRow>,
): Promise<UserRow> {
  const [updated] = (await db('users')
    .where({ org_id: orgId, id })
    .update({ ...changes, version: db.raw('version + 1'), updated_at: db.fn.now() })
    .returning('*')) as UserRow[];
  return updated!;
}

export function listUsers(db: Db, orgId: string, query: UserListQuery): Promise<PageOf<User>> {
  const builder = db('users').where({ org_id: orgId });
  if (query.role) builder.where({ role: query.role });
  if (query.teamId) builder.where({ team_id: query.teamId });
  if (query.active !== undefined) builder.where({ active: query.active });
  return pageById(builder, query, toUser);
}

export async function countActiveAdmins(db: Db, orgId: string): Promise<number> {
  const row = (await db('users')
    .where({ org_id: orgId, role: 'admin', active: true })
    .count('* as n')
    .first()) as { n: number | string } | undefined;
  return Number(row?.n ?? 0);
}

interface TeamRow {
  id: string;
  name: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function listTeams(db: Db, orgId: string): Promise<Team[]> {
  return ((await db('teams').where({ org_id: orgId }).orderBy('name')) as TeamRow[]).map(toTeam);
}

export async function findTeam(
  db: Db,
  orgId: string,
  id: string,
  lock = false,
): Promise<TeamRow | undefined> {
  const query = db('teams').where({ org_id: orgId, id }).first();
  if (lock) query.forUpdate();
  return (await query) as TeamRow | undefined;
}

export async function insertTeam(db: Db, orgId: string, id: string, name: string): Promise<TeamRow> {
  const [row] = (await db('teams').insert({ org_id: orgId, id, name }).returning('*')) as TeamRow[];
  return row!;
}

export async function renameTeam(db: Db, orgId: string, id: string, name: string): Promise<TeamRow> {
  const [row] = (await db('teams')
    .where({ org_id: orgId, id })
    .update({ name, version: db.raw('version + 1'), updated_at: db.fn.now() })
    .returning('*')) as TeamRow[];
  return row!;
}

export async function teamNameTaken(
  db: Db,
  orgId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const query = db('teams').where({ org_id: orgId }).whereRaw('lower(name) = lower(?)', [name]).first('id');
  if (exceptId) query.whereNot({ id: exceptId });
  return (await query) !== undefined;
}

/** The zone a user's day runs in ('UTC' for nobody, or a user since removed). */
export async function timeZoneOf(db: Db, orgId: string, userId: string | null): Promise<string> {
  if (!userId) return 'UTC';
  const row = (await db('users').where({ org_id: orgId, id: userId }).first('time_zone')) as
    { time_zone: string } | undefined;
  return row?.time_zone ?? 'UTC';
}
