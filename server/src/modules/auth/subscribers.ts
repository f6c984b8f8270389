import type { Knex } from 'knex';
import type { UserUpdated } from '../../events/domain-events.js';
import { endSessions } from './repository.js';
import { forgetUserSessions } from './session-state.js';

/**
 * A person switched off or given a new password is signed out everywhere; any change to them (a
 * role, a team) makes their sessions be read afresh once the change has committed — forgetting
 * before the commit could cache the old role again.
 */
export async function endSessionsOnUserUpdated(trx: Knex.Transaction, event: UserUpdated): Promise<void> {
  const { userId } = event;
  const { orgId } = event.actor;
  if (event.deactivated || event.passwordChanged) {
    await endSessions(trx, { orgId, userId }, event.deactivated ? 'deactivated' : 'password_changed');
  }
  trx.executionPromise.finally(() => forgetUserSessions(userId)).catch(() => undefined);
}
