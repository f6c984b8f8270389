import { isEmailAddress, withinFilingLimits, type EmailFile, type RecordRef } from '@inbox-crm/shared/client';
import type { FilingContent, OpenMessage } from '../../office/open-message.js';

/**
 * The filing request for the open message: its headers, bodies and attachment metadata, the mailbox
 * it sits in, and the records chosen, cut to the server's limits.
 */
export function emailFileFor(message: OpenMessage, content: FilingContent, links: RecordRef[]): EmailFile {
  if (!message.from || !isEmailAddress(message.from.email)) {
    throw new Error('Outlook gave no usable sender address for this message, so it cannot be filed.');
  }
  return withinFilingLimits({
    messageId: message.internetMessageId,
    inReplyTo: message.inReplyTo,
    references: message.references.slice(-200),
    conversationId: message.conversationId,
    subject: message.subject,
    from: message.from,
    to: message.to,
    cc: message.cc,
    sentAt: message.sentAt ?? new Date().toISOString(),
    bodyText: content.bodyText,
    bodyHtml: content.bodyHtml,
    attachments: content.attachments,
    source: 'outlook',
    mailbox: message.sharedMailbox,
    links,
  });
}
