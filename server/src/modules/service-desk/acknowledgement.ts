import type { Knex } from 'knex';
import {
  autoReplyRefusal,
  fillTemplate,
  nameFromDisplayName,
  type Acknowledgement,
  type RecordRef,
} from '@inbox-crm/shared';
import type { AuditActor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import type { InboundMessage } from '../emails/index.js';
import { sendSupportMailIn } from './outgoing-mail.js';
import { SUPPORT_MAIL_EVENTS } from './support-mail.js';

/** What an acknowledgement needs of the mailbox that answers. */
export interface AnsweringMailbox {
  orgId: string;
  id: string;
  name: string;
  address: string;
  acknowledgement: Acknowledgement;
  /** Every support address of the organisation, and its own domains: never answered. */
  ownAddresses: readonly string[];
  ownDomains: readonly string[];
}

/** Acknowledgements queued for this sender by the organisation's mailboxes in the last hour. */
async function acknowledgementsThisHour(db: Db, orgId: string, recipient: string): Promise<number> {
  const row = (await db('deliveries')
    .where({ org_id: orgId, channel: 'support_mail', recipient, event: SUPPORT_MAIL_EVENTS.acknowledgement })
    .where('created_at', '>', db.raw("now() - interval '1 hour'"))
    .count('* as n')
    .first()) as { n: string };
  return Number(row.n);
}

/** Why this message gets no acknowledgement (RFC 3834's loop guards and ours), or null when it may. */
export async function acknowledgementRefusal(
  db: Db,
  mailbox: AnsweringMailbox,
  message: Pick<InboundMessage, 'headers' | 'from'>,
): Promise<string | null> {
  const question = {
    headers: message.headers,
    from: message.from.email,
    ownAddresses: mailbox.ownAddresses,
    ownDomains: mailbox.ownDomains,
    maxPerHour: mailbox.acknowledgement.maxPerHour,
  };
  // The cheap checks first; the count only for mail that passes them.
  const without = autoReplyRefusal({ ...question, answeredThisHour: 0 });
  if (without) return without;
  return autoReplyRefusal({
    ...question,
    answeredThisHour: await acknowledgementsThisHour(db, mailbox.orgId, message.from.email),
  });
}

/**
 * Queues the acknowledgement of a new case and files it to the case, in the caller's transaction:
 * it goes out once the case is committed, and the case's history shows what the customer was told.
 * It answers the customer's message (In-Reply-To, References), so a reply to it threads to the case.
 */
export async function acknowledgeIn(
  trx: Knex.Transaction,
  actor: AuditActor,
  mailbox: AnsweringMailbox,
  message: InboundMessage,
  opened: { number: number; subject: string },
  links: RecordRef[],
): Promise<void> {
  const values = {
    number: String(opened.number),
    subject: opened.subject,
    name: nameFromDisplayName(message.from.name, message.from.email).firstName || 'there',
    mailbox: mailbox.name,
  };
  await sendSupportMailIn(trx, actor, {
    kind: 'acknowledgement',
    mailbox,
    fromName: mailbox.name,
    to: message.from,
    subject: fillTemplate(mailbox.acknowledgement.subject, values).replace(/\s+/g, ' ').trim(),
    text: fillTemplate(mailbox.acknowledgement.body, values),
    answering: message,
    links,
  });
}
