import type { MessageParty } from '@inbox-crm/shared/client';
import { attachmentsOf } from './attachment-content.js';
import { threadHeadersOf } from './thread-headers.js';
import { officeAsync } from './office-async.js';
import type { FilingContent, Mailbox, OpenMessage } from './open-message.js';

/** Pinning and ItemChanged arrived with Mailbox 1.5: the least the pane asks of a host. */
export const REQUIRED_MAILBOX_SET = '1.5';

/** Attachments' content arrived with Mailbox 1.8 (getAttachmentContentAsync). */
const CONTENT_MAILBOX_SET = '1.8';

/** Office.MailboxEnums.ItemType.Message: the pane has nothing to say about appointments. */
const MESSAGE_ITEM_TYPE = 'message';

const party = (details: Office.EmailAddressDetails): MessageParty => ({
  email: details.emailAddress,
  name:
    details.displayName === '' || details.displayName === details.emailAddress ? null : details.displayName,
});

function isReadItem(item: Office.MessageRead | Office.MessageCompose): item is Office.MessageRead {
  return typeof item.subject === 'string';
}

let draftCounter = 0;

/** The shared or delegated mailbox an item lives in (Mailbox 1.8); null in the user's own mailbox. */
async function sharedMailboxOf(item: Office.MessageRead | Office.MessageCompose): Promise<string | null> {
  if (typeof item.getSharedPropertiesAsync !== 'function') return null;
  try {
    const shared = await officeAsync<Office.SharedProperties>((done) => item.getSharedPropertiesAsync(done));
    return shared.targetMailbox || null;
  } catch {
    return null;
  }
}

async function readHeaders(item: Office.MessageRead): Promise<OpenMessage> {
  const [thread, sharedMailbox] = await Promise.all([threadHeadersOf(item), sharedMailboxOf(item)]);
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

async function readDraftHeaders(item: Office.MessageCompose): Promise<OpenMessage> {
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

/** What mailboxes and compose items share for events (an item only from Mailbox 1.7). */
interface EventSource {
  addHandlerAsync?: (eventType: Office.EventType, handler: (args: never) => void) => void;
  removeHandlerAsync?: (eventType: Office.EventType) => void;
}

function subscribe<A>(
  target: EventSource,
  eventType: Office.EventType,
  listener: (args: A) => void,
): () => void {
  if (typeof target.addHandlerAsync !== 'function') return () => undefined;
  target.addHandlerAsync(eventType, listener as (args: never) => void);
  return () => target.removeHandlerAsync?.(eventType);
}

/** A dark host theme is one whose body background is closer to black than to white. */
function isDarkTheme(theme: Office.OfficeTheme | undefined): boolean | null {
  const background = theme?.bodyBackgroundColor;
  const match = background ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background) : null;
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

function officeMailbox(mailbox: Office.Mailbox): Mailbox {
  const currentItem = () => mailbox.item as (Office.MessageRead | Office.MessageCompose) | null | undefined;
  return {
    userAddress: mailbox.userProfile.emailAddress,
    prefersDark: isDarkTheme(Office.context.officeTheme),
    onThemeChanged(listener) {
      // Outlook tells of theme changes from Mailbox 1.14; older hosts keep the theme they opened with.
      if (!Office.context.requirements.isSetSupported('Mailbox', '1.14')) return () => undefined;
      return subscribe<Office.OfficeThemeChangedEventArgs>(
        mailbox as EventSource,
        Office.EventType.OfficeThemeChanged,
        (args) => listener(isDarkTheme(args.officeTheme)),
      );
    },
    async openMessage() {
      const item = currentItem();
      if (!item || String(item.itemType) !== MESSAGE_ITEM_TYPE) return null;
      return isReadItem(item) ? readHeaders(item) : readDraftHeaders(item);
    },
    onItemChanged: (listener) => subscribe(mailbox as EventSource, Office.EventType.ItemChanged, listener),
    onRecipientsChanged(listener) {
      const item = currentItem();
      if (!item || isReadItem(item)) return () => undefined;
      return subscribe(item as EventSource, Office.EventType.RecipientsChanged, listener);
    },
    readsAttachmentContent: Office.context.requirements.isSetSupported('Mailbox', CONTENT_MAILBOX_SET),
    async readFilingContent(): Promise<FilingContent> {
      const item = currentItem();
      if (!item || !isReadItem(item)) throw new Error('Open a received or sent message to file it.');
      const [bodyText, bodyHtml] = await Promise.all([
        officeAsync<string>((done) => item.body.getAsync(Office.CoercionType.Text, done)),
        officeAsync<string>((done) => item.body.getAsync(Office.CoercionType.Html, done)),
      ]);
      return { bodyText, bodyHtml, attachments: await attachmentsOf(item, bodyHtml) };
    },
  };
}

export type MailboxConnection =
  | { kind: 'connected'; mailbox: Mailbox }
  /** The page is not inside Outlook (Office.js missing, or no mailbox host). */
  | { kind: 'no-host' }
  /** Outlook is too old for the pane. */
  | { kind: 'unsupported' };

/** Waits for Office.js and answers the mailbox, or why there is none. */
export async function connectMailbox(timeoutMs = 10_000): Promise<MailboxConnection> {
  if (typeof Office === 'undefined') return { kind: 'no-host' };
  const ready = await Promise.race([
    Office.onReady().then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
  ]);
  const mailbox = ready ? Office.context?.mailbox : undefined;
  if (!mailbox) return { kind: 'no-host' };
  if (!Office.context.requirements.isSetSupported('Mailbox', REQUIRED_MAILBOX_SET))
    return { kind: 'unsupported' };
  return { kind: 'connected', mailbox: officeMailbox(mailbox) };
}
