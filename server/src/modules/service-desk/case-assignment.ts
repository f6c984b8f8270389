import type { Knex } from 'knex';
import type { CaseAssignment } from '@inbox-crm/shared';

const OPEN_CASE_STATUSES = ['new', 'open', 'pending'];

/** The queue's active members, in a stable order; the team row is locked so turns are taken one at a time. */
async function lockedMembers(trx: Knex.Transaction, orgId: string, teamId: string) {
  const team = (await trx('teams')
    .where({ org_id: orgId, id: teamId })
    .forUpdate()
    .first('last_assigned_user_id')) as { last_assigned_user_id: string | null } | undefined;
  if (!team) return null;
  const members = (await trx('users')
    .where({ org_id: orgId, team_id: teamId, active: true })
    .orderBy('id')
    .select('id')) as { id: string }[];
  return { lastAssigned: team.last_assigned_user_id, members: members.map((member) => member.id) };
}

/** The member after the last one given a case (in id order, also when that one has left), wrapping round. */
const nextInTurn = (members: readonly string[], lastAssigned: string | null): string =>
  (lastAssigned === null ? undefined : members.find((id) => id > lastAssigned)) ?? members[0]!;

async function leastBusy(trx: Knex.Transaction, orgId: string, members: readonly string[]): Promise<string> {
  const { rows } = await trx.raw<{ rows: { id: string }[] }>(
    `SELECT m.id
       FROM unnest(?::uuid[]) AS m (id)
       LEFT JOIN cases c ON c.org_id = ? AND c.owner_id = m.id AND c.status = ANY(?) AND c.deleted_at IS NULL
      GROUP BY m.id
      ORDER BY count(c.id), m.id
      LIMIT 1`,
    [[...members], orgId, OPEN_CASE_STATUSES],
  );
  return rows[0]!.id;
}

/**
 * Who a new case in this queue goes to: nobody, a named active person, or one of the queue's active
 * members, in turn or the one with the fewest open cases. Nobody when the queue has no active
 * member (or there is no queue). Turns are recorded on the team, in the caller's transaction.
 */
export async function assigneeFor(
  trx: Knex.Transaction,
  orgId: string,
  teamId: string | null,
  assign: CaseAssignment,
): Promise<string | null> {
  if (assign.strategy === 'nobody') return null;
  if (assign.strategy === 'person') {
    const user = (await trx('users')
      .where({ org_id: orgId, id: assign.userId, active: true })
      .first('id')) as { id: string } | undefined;
    return user?.id ?? null;
  }
  if (!teamId) return null;
  const queue = await lockedMembers(trx, orgId, teamId);
  if (!queue || queue.members.length === 0) return null;
  const chosen =
    assign.strategy === 'round_robin'
      ? nextInTurn(queue.members, queue.lastAssigned)
      : await leastBusy(trx, orgId, queue.members);
  await trx('teams').where({ org_id: orgId, id: teamId }).update({ last_assigned_user_id: chosen });
  return chosen;
}
