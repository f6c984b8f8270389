import type { Knex } from 'knex';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { SecretBox } from '../../secret-box.js';
import {
  literalAddress,
  smtpFailure,
  type ClaimedDelivery,
  type DeliveryOutcome,
  type DeliveryTransport,
  type SmtpSettings,
} from '../deliveries/index.js';
import { addressFor, describeConnectionError, MailboxConnectionError } from './imap-connection.js';
import { findMailbox, secretOwner, type MailboxRow } from './mailboxes-repository.js';

/** What support mail is about, as its deliveries name it. */
export const SUPPORT_MAIL_EVENTS = {
  acknowledgement: 'support.acknowledgement',
  answer: 'support.answer',
} as const;

/** Mail from a support address, as it waits in the outbox; the recipient is the delivery's. */
export interface SupportMailPayload {
  mailboxId: string;
  /** Without angle brackets; already filed to the case under this id. */
  messageId: string;
  /** The sender's name shown with the support address ("Ada Admin (Support)"); else the mailbox's. */
  fromName?: string;
  subject: string;
  text: string;
  inReplyTo: string | null;
  references: string[];
  /** Sent by the CRM itself (an acknowledgement): marked so that other robots do not answer it. */
  automatic: boolean;
}

export interface SupportMailTransportOptions {
  knex: Knex;
  box: SecretBox;
  /** Let outgoing servers live on private addresses (MAILBOX_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** The server's own SMTP, for mailboxes that name no outgoing server. */
  fallback: SmtpSettings | null;
  timeoutMs?: number;
}

const bracketed = (id: string) => `<${id}>`;

/** The address in a From setting such as "Inbox CRM <crm@example.com>". */
const addressIn = (from: string) => /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;

/** How long one send may take in all, well inside a delivery's lease. */
const SEND_DEADLINE_MS = 20_000;

/** The send, or a failure once the deadline passes (a server that trickles its answers is cut off). */
async function withinDeadline<T>(send: Promise<T>, onLate: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onLate();
      reject(new Error(`The mail server took longer than ${SEND_DEADLINE_MS / 1000} s.`));
    }, SEND_DEADLINE_MS);
  });
  try {
    return await Promise.race([send, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function mailboxTransportOptions(
  row: MailboxRow,
  options: SupportMailTransportOptions,
): Promise<SMTPTransport.Options> {
  const secret = options.box.open(row.sealed_secret, secretOwner(row));
  const timeout = options.timeoutMs ?? 30_000;
  return {
    host: await addressFor(row.smtp_host!, options),
    port: row.smtp_port!,
    secure: row.smtp_security === 'tls',
    requireTLS: row.smtp_security === 'starttls',
    ignoreTLS: row.smtp_security === 'none',
    tls: { servername: literalAddress(row.smtp_host!) ? undefined : row.smtp_host! },
    auth:
      row.auth_method === 'oauth2'
        ? { type: 'OAuth2', user: row.username, accessToken: secret }
        : { user: row.username, pass: secret },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  };
}

/**
 * Sends mail from support addresses: through the mailbox's own outgoing server, signed in as the
 * mailbox's user, or else through the server's SMTP. The mailbox is read at each send, so a changed
 * password or server counts from the next attempt, and a removed mailbox stops its mail.
 */
export function supportMailTransport(options: SupportMailTransportOptions): DeliveryTransport {
  return {
    async send(delivery: ClaimedDelivery, sentAt: Date): Promise<DeliveryOutcome> {
      const mail = delivery.payload as unknown as SupportMailPayload;
      const row = await findMailbox(options.knex, delivery.orgId, mail.mailboxId);
      if (!row) return { ok: false, error: 'Its support mailbox was removed.', retry: false };
      if (!row.smtp_host && !options.fallback) {
        return {
          ok: false,
          error:
            'The support mailbox names no outgoing server, and this server has no SMTP set up (SMTP_URL).',
          retry: false,
        };
      }
      let transporter: Transporter;
      try {
        transporter = nodemailer.createTransport(
          row.smtp_host ? await mailboxTransportOptions(row, options) : options.fallback!.url,
        );
      } catch (error) {
        if (error instanceof MailboxConnectionError) return { ok: false, error: error.message, retry: false };
        return { ok: false, error: describeConnectionError(error), retry: true };
      }
      const name = mail.fromName ?? row.name;
      // Through the server's own SMTP, mail is from the server's address on the support address's
      // behalf: nothing proves an organisation owns the support address it typed in.
      const sender = row.smtp_host
        ? { from: { name, address: row.address } }
        : { from: { name, address: addressIn(options.fallback!.from) }, replyTo: row.address };
      try {
        await withinDeadline(
          transporter.sendMail({
            ...sender,
            to: delivery.recipient,
            subject: mail.subject,
            text: mail.text,
            date: sentAt,
            messageId: bracketed(mail.messageId),
            ...(mail.inReplyTo ? { inReplyTo: bracketed(mail.inReplyTo) } : {}),
            ...(mail.references.length > 0 ? { references: mail.references.map(bracketed) } : {}),
            headers: mail.automatic
              ? // RFC 3834; and Exchange's own way of saying "do not answer this automatically".
                { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' }
              : {},
          }),
          () => transporter.close(),
        );
        return { ok: true };
      } catch (error) {
        return smtpFailure(error);
      } finally {
        transporter.close();
      }
    },
  };
}
