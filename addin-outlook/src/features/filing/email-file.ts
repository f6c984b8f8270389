import {
  isEmailAddress,
  MAX_ATTACHMENTS,
  MAX_BODY_HTML,
  MAX_BODY_TEXT,
  MAX_RECIPIENTS,
  type EmailFile,
  type MessageParty,
  type RecordRef,
} from '@inbox-crm/shared/client';
import type { FilingContent, OpenMessage } from '../../office/open-message.js';

// Exchange hands internal senders over as X.500 paths now and then; those are not addresses.
const usable = (parties: readonly MessageParty[]) =>
  parties.filter((party) => isEmailAddress(party.email)).slice(0, MAX_RECIPIENTS);

/**
 * The filing request for the open message: its headers, bodies and attachment metadata, the mailbox
 * it sits in, and the records chosen. Bodies beyond the server's limits are cut (text) or left out
 * (HTML, which cannot be cut safely), so a long message is still filed.
 */
export function emailFileFor(message: OpenMessage, content: FilingContent, links: RecordRef[]): EmailFile {
  if (!message.from || !isEmailAddress(message.from.email)) {
    throw new Error('Outlook gave no usable sender address for this message, so it cannot be filed.');
  }
  const bodyHtml =
    content.bodyHtml !== null && content.bodyHtml.length <= MAX_BODY_HTML ? content.bodyHtml : null;
  return {
    messageId: message.internetMessageId,
    conversationId: message.conversationId,
    subject: message.subject,
    from: message.from,
    to: usable(message.to),
    cc: usable(message.cc),
    sentAt: message.sentAt ?? new Date().toISOString(),
    bodyText: content.bodyText === null ? null : content.bodyText.slice(0, MAX_BODY_TEXT),
    bodyHtml,
    attachments: content.attachments.slice(0, MAX_ATTACHMENTS),
    source: 'outlook',
    mailbox: message.sharedMailbox,
    links,
  };
}
