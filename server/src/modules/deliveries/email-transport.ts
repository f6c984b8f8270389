import nodemailer from 'nodemailer';
import type { ClaimedDelivery, DeliveryOutcome, DeliveryTransport, EmailPayload } from './delivery-types.js';

/** A failed SMTP send as a delivery outcome: 5xx is a permanent refusal (no such mailbox); 4xx and lost connections may pass. */
export function smtpFailure(error: unknown): DeliveryOutcome {
  const code = (error as { responseCode?: number }).responseCode;
  return {
    ok: false,
    status: code,
    error: `The mail server refused: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500),
    retry: code === undefined || code < 500,
  };
}

export interface SmtpSettings {
  /** smtp://user:password@host:587 or smtps://… (nodemailer's connection URL). */
  url: string;
  /** The From address of reminder emails. */
  from: string;
}

/**
 * Sends email deliveries through SMTP. Each message's Message-ID is built from the delivery id, so
 * a repeat after a crash is recognisably the same message.
 */
export function emailTransport(
  settings: SmtpSettings,
  messageIdDomain: string,
): DeliveryTransport & {
  close(): void;
} {
  const transporter = nodemailer.createTransport(settings.url);
  return {
    async send(delivery: ClaimedDelivery, sentAt: Date): Promise<DeliveryOutcome> {
      const email = delivery.payload as unknown as EmailPayload;
      try {
        await transporter.sendMail({
          from: settings.from,
          to: delivery.recipient,
          subject: email.subject,
          text: email.text,
          date: sentAt,
          messageId: `<${delivery.id}@${messageIdDomain}>`,
          headers: { 'X-InboxCRM-Delivery': delivery.id },
        });
        return { ok: true };
      } catch (error) {
        return smtpFailure(error);
      }
    },
    close: () => transporter.close(),
  };
}
