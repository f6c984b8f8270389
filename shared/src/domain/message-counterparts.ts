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

/**
 * Who the message is with, seen from the mailbox it sits in: the sender of received mail, the
 * recipients of mail the mailbox sent. The mailbox's own addresses are never a counterpart; the
 * first appearance of an address wins (and keeps its display name).
 */
export function messageCounterparts(
  message: MessageParties,
  mailboxAddresses: readonly string[],
): MessageParty[] {
  const own = new Set(mailboxAddresses.map(normalizeEmail));
  const sentByMailbox = message.from !== null && own.has(normalizeEmail(message.from.email));
  const candidates = sentByMailbox || message.from === null ? [...message.to, ...message.cc] : [message.from];
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
