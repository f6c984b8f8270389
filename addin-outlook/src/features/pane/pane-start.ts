import type { ApiClient, LookupRequest, LookupResult } from '@inbox-crm/shared/client';
import type { Mailbox, OpenItem } from '../../office/open-message.js';
import { messageLookup } from './message-lookup.js';

// What the pane asks as the page starts, while React, Fluent and the app are still loading: the open
// item, and for a message the sender view. The pane's first read of each takes these answers rather
// than asking again, so its first paint waits for the longer of the two, not for both in turn.
let firstItem: Promise<OpenItem | null> | null = null;
let firstLookup: { key: string; answer: Promise<LookupResult> } | null = null;

/** Reads the open item and, for a message and a signed-in user, asks the sender view at once. */
export function startPane(mailbox: Mailbox, api: ApiClient): void {
  const item = mailbox.openItem();
  firstItem = item;
  item.then(
    (opened) => {
      if (opened?.kind !== 'message' || !api.isSignedIn()) return;
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

/** The open item as read at start, once; null afterwards (or when the page did not start the pane). */
export function takeFirstItem(): Promise<OpenItem | null> | null {
  const item = firstItem;
  firstItem = null;
  return item;
}

/** The sender view asked at start, once, if it was this very request; else null. */
export function takeFirstLookup(request: LookupRequest): Promise<LookupResult> | null {
  const prefetched = firstLookup;
  firstLookup = null;
  return prefetched?.key === JSON.stringify(request) ? prefetched.answer : null;
}
