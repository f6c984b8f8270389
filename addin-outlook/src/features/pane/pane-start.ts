import type { ApiClient, LookupRequest, LookupResult } from '@inbox-crm/shared/client';
import type { Mailbox, OpenItem, OpenMessage } from '../../office/open-message.js';
import { handOverFirstView } from './first-view-slot.js';
import { messageLookup } from './message-lookup.js';

// What the pane asks as the page starts, before React, Fluent and the app are evaluated: the open
// message, and its sender view. The page draws its first view from the answer (first-view.ts), and
// the app's first read of each takes these answers rather than asking again.
let firstItem: { messageId: string; item: Promise<OpenItem | null> } | null = null;
let firstLookup: { key: string; answer: Promise<LookupResult> } | null = null;

/** The open message and its sender view, as first answered. */
export interface FirstAnswer {
  /** The mailbox's id of the message, to tell whether it is still the one open. */
  messageId: string;
  message: OpenMessage;
  result: LookupResult;
}

/**
 * For a message being read and a signed-in user: reads its headers and asks its sender view at
 * once, not waiting for its thread's. Resolves to the answer, or null when nothing was asked or the
 * asking failed.
 */
export async function startPane(mailbox: Mailbox, api: ApiClient): Promise<FirstAnswer | null> {
  // A draft, a meeting or nothing open: the pane reads it itself.
  const messageId = mailbox.openMessageId();
  if (messageId === null || !api.isSignedIn()) return null;
  const item = mailbox.openItem();
  firstItem = { messageId, item };
  // Whoever takes it sees a failure; it may also be left untaken.
  void item.catch(() => null);
  // The sender view is asked without the thread's headers, which can cost the host a trip to its
  // server; the app asks again with them for a message that has any (for the thread's filing).
  const opened = await mailbox.openItem({ thread: false }).catch(() => null);
  if (opened?.kind !== 'message') return null;
  const { request } = messageLookup(opened.message, mailbox.userAddress);
  if (request === null) return null;
  const answer = api.lookupMessage(request);
  firstLookup = { key: JSON.stringify(request), answer };
  // Whoever takes the answer sees a failure; here it only means there is no first view.
  return answer.then(
    (result) => ({ messageId, message: opened.message, result }),
    () => null,
  );
}

/**
 * The open message as read at start, once, if it is still the one open (the user may have moved to
 * another before the pane was up); else null, and the pane reads afresh.
 */
export function takeFirstItem(mailbox: Mailbox): Promise<OpenItem | null> | null {
  const first = firstItem;
  firstItem = null;
  if (first === null || mailbox.openMessageId() !== first.messageId) {
    // A first view drawn of the message left behind would be of the wrong person.
    handOverFirstView();
    firstLookup = null;
    return null;
  }
  return first.item;
}

/** The sender view asked at start, once, if it was this very request; else null. */
export function takeFirstLookup(request: LookupRequest): Promise<LookupResult> | null {
  const prefetched = firstLookup;
  firstLookup = null;
  return prefetched?.key === JSON.stringify(request) ? prefetched.answer : null;
}
