import type { Knex } from 'knex';
import {
  normalizeEmail,
  type PageOf,
  type Team,
  type TeamCreate,
  type TeamUpdate,
  type User,
  type UserCreate,
  type UserListQuery,
  type UserUpdate,
  type MyPreferences,
} from '@inbox-crm/shared';
import { requireRole, type Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { Conflict, NotFound, StaleVersion, Unprocessable } from '../../errors.js';
import { emit } from '../../events/event-bus.js';
import { recordAudit } from '../audit/index.js';
import { changedColumns } from '../records/index.js';
import { hashPassword } from './passwords.js';
import * as users from './repository.js';
import { knownTimeZone } from './time-zone.js';
import { forgetUserNames } from './user-names.js';

export function listUsers(db: Knex, actor: Actor, query: UserListQuery): Promise<PageOf<User>> {
  return users.listUsers(db, actor.orgId, query);
}

export async function getUser(db: Knex, actor: Actor, id: string): Promise<User> {
  const row = await users.findUser(db, actor.orgId, id);
  if (!row) throw new NotFound('User');
  return users.toUser(row);
}

async function assertTeam(
  db: Knex.Transaction,
  orgId: string,
  teamId: string | null | undefined,
): Promise<void> {
  if (teamId && !(await users.findTeam(db, orgId, teamId))) {
    throw new Unprocessable('invalid_reference', 'That team does not exist in your organisation.', [
      { field: 'teamId', id: teamId },
    ]);
  }
}

async function assertManager(
  db: Knex.Transaction,
  orgId: string,
  managerId: string | null | undefined,
  userId: string | null,
): Promise<void> {
  if (!managerId) return;
  const manager = await users.findUser(db, orgId, managerId);
  if (!manager || !manager.active) {
    throw new Unprocessable('invalid_reference', 'That manager is not an active user of your organisation.', [
      { field: 'managerId', id: managerId },
    ]);
  }
  if (managerId === userId) {
    throw new Unprocessable('invalid_manager', 'A user cannot be their own manager.', [
      { field: 'managerId' },
    ]);
  }
}

export async function createUser(db: Knex, actor: Actor, input: UserCreate): Promise<User> {
  requireRole(actor, 'admin');
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction(async (trx) => {
      if (await users.findUserByEmail(trx, email))
        throw new Conflict(`A user with the address ${email} exists already.`);
      await assertTeam(trx, actor.orgId, input.teamId);
      await assertManager(trx, actor.orgId, input.managerId, null);
      const row = await users.insertUser(trx, {
        org_id: actor.orgId,
        id: newId(),
        email,
        name: input.name.trim(),
        role: input.role,
        team_id: input.teamId ?? null,
        manager_id: input.managerId ?? null,
        time_zone: input.timeZone === undefined ? 'UTC' : knownTimeZone(input.timeZone),
        password_hash: passwordHash,
      });
      const user = users.toUser(row);
      await recordAudit(trx, actor, 'create', 'user', user.id, null, user);
      return user;
    })
    .finally(() => forgetUserNames(actor.orgId));
}

export async function updateUser(db: Knex, actor: Actor, id: string, input: UserUpdate): Promise<User> {
  requireRole(actor, 'admin');
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return db
    .transaction(async (trx) => {
      const before = await users.findUser(trx, actor.orgId, id, true);
      if (!before) throw new NotFound('User');
      if (before.version !== input.version) throw new StaleVersion('This user', before.version);
      await assertTeam(trx, actor.orgId, input.teamId);
      await assertManager(trx, actor.orgId, input.managerId, id);
      const losesAdmin =
        before.role === 'admin' &&
        ((input.role !== undefined && input.role !== 'admin') || input.active === false);
      if (losesAdmin && (await users.countActiveAdmins(trx, actor.orgId)) <= 1) {
        throw new Unprocessable('last_admin', 'An organisation needs at least one active admin.');
      }
      const after = users.toUser(
        await users.updateUser(trx, actor.orgId, id, {
          ...changedColumns(input, {
            role: 'role',
            teamId: 'team_id',
            managerId: 'manager_id',
            active: 'active',
          }),
          ...(input.timeZone !== undefined ? { time_zone: knownTimeZone(input.timeZone) } : {}),
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...(passwordHash !== undefined ? { password_hash: passwordHash } : {}),
        }),
      );
      await emit(trx, {
        type: 'user.updated',
        actor,
        userId: id,
        deactivated: input.active === false,
        passwordChanged: passwordHash !== undefined,
      });
      await recordAudit(trx, actor, 'update', 'user', id, users.toUser(before), after);
      return after;
    })
    .finally(() => forgetUserNames(actor.orgId));
}

export function listTeams(db: Knex, actor: Actor): Promise<Team[]> {
  return users.listTeams(db, actor.orgId);
}

export async function createTeam(db: Knex, actor: Actor, input: TeamCreate): Promise<Team> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    if (await users.teamNameTaken(trx, actor.orgId, input.name))
      throw new Conflict(`A team named ${input.name} exists already.`);
    const team = users.toTeam(await users.insertTeam(trx, actor.orgId, newId(), input.name.trim()));
    await recordAudit(trx, actor, 'create', 'team', team.id, null, team);
    return team;
  });
}

export async function updateTeam(db: Knex, actor: Actor, id: string, input: TeamUpdate): Promise<Team> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    const before = await users.findTeam(trx, actor.orgId, id, true);
    if (!before) throw new NotFound('Team');
    if (before.version !== input.version) throw new StaleVersion('This team', before.version);
    if (await users.teamNameTaken(trx, actor.orgId, input.name, id))
      throw new Conflict(`A team named ${input.name} exists already.`);
    const after = users.toTeam(await users.renameTeam(trx, actor.orgId, id, input.name.trim()));
    await recordAudit(trx, actor, 'update', 'team', id, users.toTeam(before), after);
    return after;
  });
}

/** A user sets their own time zone: the day their reminders and "due tomorrow" follow. */
export async function updateMyPreferences(db: Knex, actor: Actor, input: MyPreferences): Promise<User> {
  const timeZone = knownTimeZone(input.timeZone);
  return db.transaction(async (trx) => {
    const before = await users.findUser(trx, actor.orgId, actor.userId, true);
    if (!before) throw new NotFound('User');
    const after = users.toUser(
      await users.updateUser(trx, actor.orgId, actor.userId, { time_zone: timeZone }),
    );
    await recordAudit(trx, actor, 'update', 'user', actor.userId, users.toUser(before), after);
    return after;
  });
}
