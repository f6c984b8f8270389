import {
  isReceivedBy,
  MAX_LOOKUP_ADDRESSES,
  messageCounterparts,
  type LookupRequest,
  type MessageParty,
} from '@inbox-crm/shared/client';
import type { OpenMessage } from '../../office/open-message.js';

/** History entries the pane shows of a person. */
export const TIMELINE_ENTRIES = 8;

export interface MessageLookup {
  /** Everyone outside the organisation on the message, the sender first. */
  counterparts: MessageParty[];
  /** The sender view's question for them all, the first in full; null when nobody is outside. */
  request: LookupRequest | null;
}

/** Whom the open message is with, and the one request that answers who they are and whether it is filed. */
export function messageLookup(message: OpenMessage, userAddress: string): MessageLookup {
  const own = message.sharedMailbox ? [userAddress, message.sharedMailbox] : [userAddress];
  const counterparts = messageCounterparts(message, own).slice(0, MAX_LOOKUP_ADDRESSES);
  if (counterparts.length === 0) return { counterparts, request: null };
  return {
    counterparts,
    request: {
      emails: counterparts.map((party) => party.email),
      leading: isReceivedBy(message, own) ? 'first' : 'best',
      ...(message.internetMessageId ? { messageId: message.internetMessageId } : {}),
      ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
      ...(message.references.length > 0 ? { references: message.references.slice(-200) } : {}),
      ...(message.conversationId ? { conversationId: message.conversationId } : {}),
      ...(message.sharedMailbox ? { mailbox: message.sharedMailbox } : {}),
      timelineLimit: TIMELINE_ENTRIES,
      others: 'brief',
    },
  };
}
