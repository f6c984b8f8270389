import type { ApiClient, LookupRequest, LookupResult } from '@inbox-crm/shared/client';
import type { Mailbox, OpenItem } from '../../office/open-message.js';
import { messageLookup } from './message-lookup.js';

// What the pane asks as the page starts, while React, Fluent and the app are still loading: the open
// message, and its sender view. The pane's first read of each takes these answers rather than asking
// again, so its first paint waits for the longer of the two, not for both in turn.
let firstItem: { messageId: string; item: Promise<OpenItem | null> } | null = null;
let firstLookup: { key: string; answer: Promise<LookupResult> } | null = null;

/** For a message being read and a signed-in user: reads its headers and asks its sender view at once. */
export function startPane(mailbox: Mailbox, api: ApiClient): void {
  // A draft, a meeting or nothing open: the pane reads it itself.
  const messageId = mailbox.openMessageId();
  if (messageId === null || !api.isSignedIn()) return;
  const item = mailbox.openItem();
  firstItem = { messageId, item };
  item.then(
    (opened) => {
      if (opened?.kind !== 'message') return;
      const { request } = messageLookup(opened.message, mailbox.userAddress);
      if (request === null) return;
      const answer = api.lookupMessage(request);
      // Whoever takes the answer sees a failure; one nobody takes is not an unhandled rejection.
      answer.catch(() => undefined);
      firstLookup = { key: JSON.stringify(request), answer };
    },
    () => undefined,
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
