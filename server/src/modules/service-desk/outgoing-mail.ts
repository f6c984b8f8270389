import type { Knex } from 'knex';
import { emailDomain, type Email, type RecordRef } from '@inbox-crm/shared';
import { newId } from '../../db/ids.js';
import { enqueueDeliveries } from '../deliveries/index.js';
import { fileEmailIn, type Filer } from '../emails/index.js';
import { SUPPORT_MAIL_EVENTS, type SupportMailPayload } from './support-mail.js';

/** Mail from a support address: an acknowledgement (sent automatically) or an agent's answer. */
export interface OutgoingSupportMail {
  kind: keyof typeof SUPPORT_MAIL_EVENTS;
  mailbox: { orgId: string; id: string; address: string };
  fromName: string;
  to: { email: string; name: string | null };
  subject: string;
  text: string;
  /** The customer's message it answers, so their mail client threads it; null for none. */
  answering: { messageId: string | null; references: readonly string[] } | null;
  links: RecordRef[];
}

/**
 * Queues mail from a support address in the outbox and files it to its records, in the caller's
 * transaction: it goes out once the transaction commits, under the Message-ID it is filed with.
 */
export async function sendSupportMailIn(
  trx: Knex.Transaction,
  filer: Filer,
  mail: OutgoingSupportMail,
): Promise<Email> {
  const messageId = `${newId()}@${emailDomain(mail.mailbox.address)}`;
  const inReplyTo = mail.answering?.messageId ?? null;
  // The latest of the chain: a mail server may refuse a header of hundreds of ids.
  const references = [...(mail.answering?.references ?? []), ...(inReplyTo ? [inReplyTo] : [])].slice(-50);
  const payload: SupportMailPayload = {
    mailboxId: mail.mailbox.id,
    messageId,
    fromName: mail.fromName,
    subject: mail.subject,
    text: mail.text,
    inReplyTo,
    references,
    automatic: mail.kind === 'acknowledgement',
  };
  const now = new Date();
  await enqueueDeliveries(trx, [
    {
      orgId: mail.mailbox.orgId,
      channel: 'support_mail',
      recipient: mail.to.email,
      event: SUPPORT_MAIL_EVENTS[mail.kind],
      payload: { ...payload },
      dueAt: now,
      sendAfter: now,
    },
  ]);
  const { email } = await fileEmailIn(
    trx,
    filer,
    {
      messageId,
      inReplyTo,
      references,
      subject: mail.subject,
      from: { email: mail.mailbox.address, name: mail.fromName },
      to: [mail.to],
      cc: [],
      sentAt: now.toISOString(),
      bodyText: mail.text,
      bodyHtml: null,
      source: 'mailbox',
      mailbox: mail.mailbox.address,
      links: mail.links,
    },
    [],
  );
  return email;
}
