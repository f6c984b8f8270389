import type { Knex } from 'knex';
import {
  accountNameFromDomain,
  emailDomain,
  isFreeMailDomain,
  isOwnAddress,
  nameFromDisplayName,
  registrableDomain,
} from '@inbox-crm/shared';
import type { AuditActor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { accountHoldingDomain, insertAccountIn } from '../accounts/index.js';
import { contactHoldingEmail, insertContactIn } from '../contacts/index.js';
import type { MailSettings } from '../organisation/index.js';
import type { InboundParticipant } from '../emails/index.js';

/** The sender's contact and account, where there are (or will be) any. */
export interface SenderRecords {
  contactId: string | null;
  accountId: string | null;
}

const NONE: SenderRecords = { contactId: null, accountId: null };

/** The domain a sender's account is found or made by: the registrable one, so mail.acme.com is acme.com. */
export const senderDomain = (email: string) => {
  const host = emailDomain(email);
  return registrableDomain(host) ?? host;
};

/**
 * The sender's records as the CRM has them now: the contact holding the address (a deleted one
 * means none), else the account holding its domain. `newContact` says a contact would be made, and
 * `newAccountDomain` an account for that domain: never for a free-mail domain, and nothing at all
 * for the organisation's own people.
 */
export async function senderAsKnown(
  db: Db,
  orgId: string,
  email: string,
  settings: MailSettings,
): Promise<{ records: SenderRecords; newContact: boolean; newAccountDomain: string | null }> {
  if (isOwnAddress(email, settings.ownDomains))
    return { records: NONE, newContact: false, newAccountDomain: null };
  const held = await contactHoldingEmail(db, orgId, email);
  if (held) {
    const records = held.live ? { contactId: held.id, accountId: held.accountId } : NONE;
    return { records, newContact: false, newAccountDomain: null };
  }
  const domain = senderDomain(email);
  if (isFreeMailDomain(domain, settings.freeMailDomains)) {
    return { records: NONE, newContact: true, newAccountDomain: null };
  }
  const account = await accountHoldingDomain(db, orgId, domain);
  return {
    records: { contactId: null, accountId: account?.live ? account.id : null },
    newContact: true,
    newAccountDomain: account ? null : domain,
  };
}

/**
 * The sender's contact and account, made where the CRM has none, in the caller's transaction. The
 * caller holds the lock on the sender's domain (intakeLocks), so two messages from one new company
 * make one account.
 */
export async function senderRecords(
  trx: Knex.Transaction,
  actor: AuditActor,
  sender: InboundParticipant,
  settings: MailSettings,
): Promise<SenderRecords> {
  if (isOwnAddress(sender.email, settings.ownDomains)) return NONE;
  const known = await senderAsKnown(trx, actor.orgId, sender.email, settings);
  if (!known.newContact) return known.records;
  const domain = known.newAccountDomain;
  const accountId = domain
    ? (await insertAccountIn(trx, actor, { name: accountNameFromDomain(domain), domain })).id
    : known.records.accountId;
  const name = nameFromDisplayName(sender.name, sender.email);
  const contact = await insertContactIn(trx, actor, { ...name, email: sender.email, accountId });
  return { contactId: contact.id, accountId };
}
