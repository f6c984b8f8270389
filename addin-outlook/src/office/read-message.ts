import type { MessageParty } from '@inbox-crm/shared/client';
import { attachmentsOf } from './attachment-content.js';
import { officeAsync } from './office-async.js';
import type { FilingContent, HeaderReading, OpenMessage } from './open-message.js';
import { noThreadHeaders, threadHeadersOf } from './thread-headers.js';

/** A received or sent message: the open one, or one of a multi-selection loaded by its id (Mailbox 1.15). */
export type ReadableMessage = Office.MessageRead | Office.LoadedMessageRead;

export const party = (details: Office.EmailAddressDetails): MessageParty => ({
  email: details.emailAddress,
  name:
    details.displayName === '' || details.displayName === details.emailAddress ? null : details.displayName,
});

/** What both kinds of item have for telling which mailbox they sit in (Mailbox 1.8). */
interface SharedItem {
  getSharedPropertiesAsync?: (
    callback: (result: Office.AsyncResult<Office.SharedProperties>) => void,
  ) => void;
}

/** The shared or delegated mailbox an item lives in (Mailbox 1.8); null in the user's own mailbox. */
export async function sharedMailboxOf(item: SharedItem): Promise<string | null> {
  if (typeof item.getSharedPropertiesAsync !== 'function') return null;
  try {
    const shared = await officeAsync<Office.SharedProperties>((done) => item.getSharedPropertiesAsync!(done));
    return shared.targetMailbox || null;
  } catch {
    return null;
  }
}

export async function readHeaders(
  item: ReadableMessage,
  reading: HeaderReading = { thread: true },
): Promise<OpenMessage> {
  const [thread, sharedMailbox] = await Promise.all([
    reading.thread ? threadHeadersOf(item) : noThreadHeaders(),
    sharedMailboxOf(item as SharedItem),
  ]);
  return {
    mode: 'read',
    itemKey: item.itemId,
    internetMessageId: item.internetMessageId || null,
    ...thread,
    conversationId: item.conversationId || null,
    subject: item.subject,
    from: item.from ? party(item.from) : null,
    to: item.to.map(party),
    cc: item.cc.map(party),
    sentAt: item.dateTimeCreated.toISOString(),
    sharedMailbox,
    attachmentCount: item.attachments.filter((attachment) => !attachment.isInline).length,
  };
}

let draftCounter = 0;

export async function readDraftHeaders(item: Office.MessageCompose): Promise<OpenMessage> {
  const recipients = (field: Office.Recipients) =>
    officeAsync<Office.EmailAddressDetails[]>((done) => field.getAsync(done));
  const [to, cc, subject, sharedMailbox] = await Promise.all([
    recipients(item.to),
    recipients(item.cc),
    officeAsync<string>((done) => item.subject.getAsync(done)),
    sharedMailboxOf(item),
  ]);
  draftCounter += 1;
  return {
    mode: 'compose',
    itemKey: `draft-${draftCounter}`,
    internetMessageId: null,
    inReplyTo: null,
    references: [],
    conversationId: item.conversationId || null,
    subject,
    from: null,
    to: to.map(party),
    cc: cc.map(party),
    sentAt: null,
    sharedMailbox,
    attachmentCount: 0,
  };
}

/** A message's bodies and attachments (with their content where the host gives it), for filing. */
export async function readContent(item: ReadableMessage): Promise<FilingContent> {
  const [bodyText, bodyHtml] = await Promise.all([
    officeAsync<string>((done) => item.body.getAsync(Office.CoercionType.Text, done)),
    officeAsync<string>((done) => item.body.getAsync(Office.CoercionType.Html, done)),
  ]);
  return { bodyText, bodyHtml, attachments: await attachmentsOf(item, bodyHtml) };
}
