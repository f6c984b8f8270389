import { createHash } from 'node:crypto';
import { normalizeEmail, normalizeMessageId } from '@inbox-crm/shared';

export interface MessageIdentity {
  messageId?: string | null | undefined;
  from: { email: string };
  sentAt: string;
  subject: string;
  bodyText?: string | null | undefined;
}

/**
 * What makes two filings the same email: the Message-ID, or when a mailer left it out, a SHA-256
 * over sender, send time (to the second), subject and text body. A derived key has no '@', so it
 * can never equal a real Message-ID.
 */
export function messageKey(message: MessageIdentity): string {
  const messageId = normalizeMessageId(message.messageId);
  if (messageId !== null) return messageId;
  const sentAt = new Date(message.sentAt);
  sentAt.setUTCMilliseconds(0);
  const digest = createHash('sha256')
    .update(
      [
        normalizeEmail(message.from.email),
        sentAt.toISOString(),
        message.subject.trim(),
        (message.bodyText ?? '').replace(/\s+/g, ' ').trim(),
      ].join('\n'),
    )
    .digest('hex');
  return `sha256:${digest}`;
}
