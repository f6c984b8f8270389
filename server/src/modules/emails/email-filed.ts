import { normalizeEmail, type RecordRef } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import { stopEnrollmentsOnReply } from '../plans/plan-stops.js';
import { emailFiledTo } from '../workflow/record-events.js';

export interface FiledEmail {
  id: string;
  /** First filed now (not a re-filing). */
  created: boolean;
  subject: string;
  fromEmail: string;
  sentAt: Date;
}

/**
 * What filing sets off, in the filing transaction: a new email from a contact is their reply, which
 * ends their engagement plans; each record newly filed to fires the rules for filed email.
 */
export async function onEmailFiled(
  trx: Knex.Transaction,
  actor: Actor,
  email: FiledEmail,
  addedLinks: readonly RecordRef[],
): Promise<void> {
  const fromEmail = normalizeEmail(email.fromEmail);
  if (email.created) await stopEnrollmentsOnReply(trx, actor, fromEmail, email.sentAt);
  await emailFiledTo(trx, actor, addedLinks, { id: email.id, subject: email.subject, fromEmail });
}
