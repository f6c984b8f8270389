import type { AttachmentInput, CalendarMeeting, MessageParty } from '@inbox-crm/shared/client';

/** The message open in Outlook, as far as the pane needs it to show who it is with. */
export interface OpenMessage {
  mode: 'read' | 'compose';
  /** Tells one open item from the next within this mailbox; never sent to the server. */
  itemKey: string;
  /** The RFC 5322 Message-ID: the message's identity across mailboxes and clients (read mode). */
  internetMessageId: string | null;
  /** Its parent's and ancestors' Message-IDs (In-Reply-To, References), where the host reads headers (Mailbox 1.8). */
  inReplyTo: string | null;
  references: string[];
  conversationId: string | null;
  subject: string;
  from: MessageParty | null;
  to: MessageParty[];
  cc: MessageParty[];
  /** When the message was created in the mailbox, ISO 8601. */
  sentAt: string | null;
  /** The shared or delegated mailbox the item lives in; null in the user's own mailbox. */
  sharedMailbox: string | null;
  /** How many files are attached (inline images not counted). */
  attachmentCount: number;
}

/** What filing reads on top of the headers: the bodies, and the attachments with their content where the host gives it. */
export interface FilingContent {
  bodyText: string | null;
  bodyHtml: string | null;
  attachments: AttachmentInput[];
}

/** A meeting open in Outlook's calendar, as an attendee (read) or its organiser (compose) sees it. */
export interface OpenMeeting extends CalendarMeeting {
  mode: 'attendee' | 'organizer';
  /** Tells one open item from the next within this mailbox; never sent to the server. */
  itemKey: string;
  location: string | null;
}

/** One of several messages selected at once (Mailbox 1.13), as the selection lists it. */
export interface SelectedMessage {
  itemId: string;
  subject: string;
}

/** What the pane is beside: one message, a meeting, or several messages selected together. */
export type OpenItem =
  | { kind: 'message'; message: OpenMessage }
  | { kind: 'meeting'; meeting: OpenMeeting }
  | { kind: 'selection'; messages: SelectedMessage[] };

/**
 * How far this Outlook goes with several selected messages: not at all (before Mailbox 1.13), a list
 * of their subjects (1.13, 1.14), or reading each for filing (loadItemByIdAsync, 1.15).
 */
export type MultiSelect = 'none' | 'list' | 'read';

/** What to read of an open message: `thread: false` leaves out In-Reply-To and References. */
export interface HeaderReading {
  thread: boolean;
}

/** The mailbox the pane runs in. Components receive it through context and never touch Office.js. */
export interface Mailbox {
  /** The signed-in mailbox user's own address. */
  userAddress: string;
  /** The host's theme when the pane opened, if it tells one: true for a dark background. */
  prefersDark: boolean | null;
  /** Called when the user switches Outlook's theme; answers a function that stops it. */
  onThemeChanged(listener: (prefersDark: boolean | null) => void): () => void;
  /**
   * Reads the open item's headers only; null when nothing (or nothing the pane serves) is selected.
   * A message read with `{ thread: false }` comes without In-Reply-To and References, which the host
   * may have to ask its server for (Outlook on the web does).
   */
  openItem(reading?: HeaderReading): Promise<OpenItem | null>;
  /** The open message's id when one is being read (not a draft or a meeting), at once; else null. */
  openMessageId(): string | null;
  /** Called when the user moves to another item, or changes a multi-selection, in a pinned pane; answers a function that stops it. */
  onItemChanged(listener: () => void): () => void;
  /** Called when a draft's recipients change (compose mode, where the host supports it). */
  onRecipientsChanged(listener: () => void): () => void;
  /** Whether this Outlook hands over attachments' content (Mailbox 1.8); older ones give names only. */
  readsAttachmentContent: boolean;
  /** Reads the open message's bodies and attachments, for filing. */
  readFilingContent(): Promise<FilingContent>;
  multiSelect: MultiSelect;
  /** Reads one message of a multi-selection for filing: its headers and content (Mailbox 1.15). */
  readSelectedMessage(itemId: string): Promise<{ message: OpenMessage; content: FilingContent }>;
}
