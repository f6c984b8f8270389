import { normalizeEmail } from './email-address.js';

/** One party of a message as the mail client names it. */
export interface MessageParty {
  email: string;
  name: string | null;
}

export interface MessageParties {
  from: MessageParty | null;
  to: readonly MessageParty[];
  cc: readonly MessageParty[];
}

/** Whether the mailbox received the message (its sender is someone else), as opposed to sending or drafting it. */
export function isReceivedBy(message: MessageParties, mailboxAddresses: readonly string[]): boolean {
  if (message.from === null) return false;
  const sender = normalizeEmail(message.from.email);
  return !mailboxAddresses.some((address) => normalizeEmail(address) === sender);
}

/**
 * Who the message is with, seen from the mailbox it sits in: the sender of received mail first and
 * then its other To and Cc recipients, or the recipients of mail the mailbox sent. The mailbox's own
 * addresses are never a counterpart (colleagues are the server's to tell: it knows the own domains);
 * the first appearance of an address wins (and keeps its display name).
 */
export function messageCounterparts(
  message: MessageParties,
  mailboxAddresses: readonly string[],
): MessageParty[] {
  const own = new Set(mailboxAddresses.map(normalizeEmail));
  const candidates = isReceivedBy(message, mailboxAddresses)
    ? [message.from!, ...message.to, ...message.cc]
    : [...message.to, ...message.cc];
  const seen = new Set<string>();
  const counterparts: MessageParty[] = [];
  for (const party of candidates) {
    const address = normalizeEmail(party.email);
    if (address === '' || own.has(address) || seen.has(address)) continue;
    seen.add(address);
    counterparts.push({ email: address, name: party.name });
  }
  return counterparts;
}
