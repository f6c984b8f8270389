import {
  normalizeEmail,
  SUPPRESSIONS_SHOWN,
  type SuppressionCheck,
  type SuppressionList,
} from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { lockKeys } from '../../db/advisory-locks.js';
import { Conflict, NotFound } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { userNames, userRef } from '../users/index.js';
import { addressLock } from './address-lock.js';
import { contactsOfPerson } from './person-repository.js';
import * as list from './suppression-list.js';

/** How many addresses are suppressed, and the newest entries (hashes, never addresses). */
export async function listSuppressions(db: Knex, actor: Actor): Promise<SuppressionList> {
  requireRole(actor, 'admin');
  const [{ total, latest }, names] = await Promise.all([
    list.latestSuppressions(db, actor.orgId, SUPPRESSIONS_SHOWN),
    userNames(db, actor.orgId),
  ]);
  return {
    total,
    latest: latest.map((row) => ({
      addressHash: row.address_hash,
      reason: row.reason,
      createdAt: row.created_at.toISOString(),
      createdBy: userRef(names, row.created_by),
    })),
  };
}

export async function checkSuppression(db: Knex, actor: Actor, email: string): Promise<SuppressionCheck> {
  requireRole(actor, 'admin');
  const address = normalizeEmail(email);
  const suppressed = await list.suppressedAddresses(db, actor.orgId, [address]);
  return { email: address, suppressed: suppressed.has(address) };
}

/** Someone asked not to be kept or contacted, without an erasure: their address joins the list. */
export function addSuppression(db: Knex, actor: Actor, email: string): Promise<SuppressionCheck> {
  requireRole(actor, 'admin');
  const address = normalizeEmail(email);
  return db.transaction(async (trx) => {
    await lockKeys(trx, [addressLock(actor.orgId, address)]);
    const [holder] = await contactsOfPerson(trx, actor.orgId, [], [address], false);
    if (holder) {
      throw new Conflict(
        `${address} belongs to ${`${holder.firstName} ${holder.lastName}`.trim()}: forget them from their page instead.`,
        [{ contactId: holder.id }],
      );
    }
    await list.suppress(trx, actor.orgId, [address], 'request', actor.userId);
    await recordAudit(trx, actor, 'suppress', 'suppression', newId(), null, null);
    return { email: address, suppressed: true };
  });
}

/** The person came back and asked to be kept again: their address leaves the list. */
export function removeSuppression(db: Knex, actor: Actor, email: string): Promise<SuppressionCheck> {
  requireRole(actor, 'admin');
  const address = normalizeEmail(email);
  return db.transaction(async (trx) => {
    if (!(await list.unsuppress(trx, actor.orgId, address)))
      throw new NotFound('That address on the suppression list');
    await recordAudit(trx, actor, 'unsuppress', 'suppression', newId(), null, null);
    return { email: address, suppressed: false };
  });
}
