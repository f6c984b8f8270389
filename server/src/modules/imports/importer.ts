import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { Forbidden } from '../../errors.js';
import type { ImportRow } from './repository.js';

/** The person an import acts as, as they are now: one who left or lost the right to import stops it. */
export async function importerOf(db: Db, row: ImportRow): Promise<Actor> {
  const user = (await db('users')
    .where({ org_id: row.org_id, id: row.created_by })
    .first('id', 'role', 'team_id', 'active')) as
    { id: string; role: Actor['role']; team_id: string | null; active: boolean } | undefined;
  if (!user?.active || user.role === 'member') {
    throw new Forbidden(
      'The person who started this import can no longer import: start it again as an admin or a manager.',
    );
  }
  return { userId: user.id, orgId: row.org_id, role: user.role, teamId: user.team_id };
}
