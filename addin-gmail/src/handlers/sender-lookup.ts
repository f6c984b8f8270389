import {
  DomainError,
  isReceivedBy,
  MAX_LOOKUP_ADDRESSES,
  messageCounterparts,
  type LookupResult,
  type MessageParty,
} from '@inbox-crm/shared';
import type { GmailMessage } from '../google/gmail-message.js';
import type { HandlerContext } from './handler-context.js';

const TIMELINE_ENTRIES = 5;

/** The CRM's view of whoever the message is with; null when nobody but the user is on it. */
export async function lookupParties(
  context: HandlerContext,
  parties: { from: MessageParty | null; to: MessageParty[]; cc: MessageParty[] },
  message: Pick<GmailMessage, 'messageId' | 'inReplyTo' | 'references'> | null,
): Promise<LookupResult | null> {
  const own = [context.crm.user.email];
  const counterparts = messageCounterparts(parties, own).slice(0, MAX_LOOKUP_ADDRESSES);
  if (counterparts.length === 0) return null;
  return lookupAddresses(
    context,
    counterparts.map((party) => party.email),
    message,
    isReceivedBy(parties, own) ? 'first' : 'best',
  );
}

/**
 * The CRM's view of these addresses (the leading one in full, the rest brief) and of the message's
 * filing. The sender of received mail leads (`first`); else the best match.
 */
export function lookupAddresses(
  context: HandlerContext,
  addresses: string[],
  message: Pick<GmailMessage, 'messageId' | 'inReplyTo' | 'references'> | null,
  leading: 'first' | 'best' = 'best',
): Promise<LookupResult> {
  return context.crm.lookup({
    emails: addresses,
    leading,
    // Gmail's thread id names the thread in this mailbox: a hint when References say nothing.
    ...(context.event.gmail?.threadId ? { conversationId: context.event.gmail.threadId } : {}),
    timelineLimit: TIMELINE_ENTRIES,
    others: 'brief',
    ...(message?.messageId ? { messageId: message.messageId } : {}),
    ...(message?.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    // The nearest ancestors come last in References.
    ...(message?.references.length ? { references: message.references.slice(-200) } : {}),
  });
}

/** The open message's headers and the CRM's view of its counterpart. */
export async function openMessageLookup(
  context: HandlerContext,
): Promise<{ message: GmailMessage; result: LookupResult | null }> {
  if (!context.gmail) throw new NoOpenMessage();
  const message = await context.gmail.headers();
  return { message, result: await lookupParties(context, message, message) };
}

/** The event named no message (Google sent a message action without one). */
export class NoOpenMessage extends DomainError {
  constructor() {
    super('validation_failed', 'Open a message in Gmail first.');
  }
}
