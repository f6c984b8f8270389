import { readMeeting } from './open-meeting.js';
import type { FilingContent, HeaderReading, Mailbox, OpenItem } from './open-message.js';
import { readContent, readDraftHeaders, readHeaders } from './read-message.js';
import { multiSelectOf, readSelectedMessage, selectedMessages } from './selected-messages.js';

/** Pinning and ItemChanged arrived with Mailbox 1.5: the least the pane asks of a host. */
export const REQUIRED_MAILBOX_SET = '1.5';

/** Attachments' content arrived with Mailbox 1.8 (getAttachmentContentAsync). */
const CONTENT_MAILBOX_SET = '1.8';

type OfficeItem =
  Office.MessageRead | Office.MessageCompose | Office.AppointmentRead | Office.AppointmentCompose;

/** Read items have their subject as a string; compose items as a field to read asynchronously. */
const isReadItem = (item: OfficeItem) => typeof item.subject === 'string';

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

async function openItem(
  mailbox: Office.Mailbox,
  multiSelect: Mailbox['multiSelect'],
  reading: HeaderReading | undefined,
): Promise<OpenItem | null> {
  if (multiSelect !== 'none') {
    const selected = await selectedMessages(mailbox).catch(() => []);
    if (selected.length > 1) return { kind: 'selection', messages: selected };
  }
  const item = mailbox.item as OfficeItem | null | undefined;
  if (!item) return null;
  const type = String(item.itemType);
  if (type === 'appointment') {
    const meeting = await readMeeting(
      item as Office.AppointmentRead | Office.AppointmentCompose,
      mailbox.userProfile.emailAddress,
    );
    return { kind: 'meeting', meeting };
  }
  if (type !== 'message') return null;
  const message = isReadItem(item)
    ? await readHeaders(item as Office.MessageRead, reading)
    : await readDraftHeaders(item as Office.MessageCompose);
  return { kind: 'message', message };
}

function officeMailbox(mailbox: Office.Mailbox): Mailbox {
  const currentItem = () => mailbox.item as OfficeItem | null | undefined;
  const multiSelect = multiSelectOf(mailbox);
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
    openItem: (reading) => openItem(mailbox, multiSelect, reading),
    openMessageId() {
      const item = currentItem();
      return item && String(item.itemType) === 'message' && isReadItem(item)
        ? (item as Office.MessageRead).itemId
        : null;
    },
    onItemChanged(listener) {
      const stops = [subscribe(mailbox as EventSource, Office.EventType.ItemChanged, listener)];
      if (multiSelect !== 'none') {
        stops.push(subscribe(mailbox as EventSource, Office.EventType.SelectedItemsChanged, listener));
      }
      return () => stops.forEach((stop) => stop());
    },
    onRecipientsChanged(listener) {
      const item = currentItem();
      if (!item || isReadItem(item)) return () => undefined;
      return subscribe(item as EventSource, Office.EventType.RecipientsChanged, listener);
    },
    readsAttachmentContent: Office.context.requirements.isSetSupported('Mailbox', CONTENT_MAILBOX_SET),
    async readFilingContent(): Promise<FilingContent> {
      const item = currentItem();
      if (!item || !isReadItem(item) || String(item.itemType) !== 'message') {
        throw new Error('Open a received or sent message to file it.');
      }
      return readContent(item as Office.MessageRead);
    },
    multiSelect,
    readSelectedMessage: (itemId) => readSelectedMessage(mailbox, itemId),
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
