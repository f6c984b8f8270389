import { DomainError, filedCaseOf, type MessageParty } from '@inbox-crm/shared';
import type { Card } from '../cards/card-model.js';
import type { GmailMessage } from '../google/gmail-message.js';
import { noticeCard } from '../views/notice-cards.js';
import { senderCard } from '../views/sender-card.js';
import { eventCard } from './calendar-event.js';
import { fileOpenMessage } from './filing.js';
import type { HandlerContext } from './handler-context.js';
import { lookupAddresses, lookupParties, openMessageLookup } from './sender-lookup.js';

const onlyYou = () =>
  noticeCard('Only you are on this message', 'There is nobody outside your mailbox to look up.');

/**
 * The message card: reads the open message's headers only, then shows its counterpart's record. A
 * reply the organisation files with its thread is filed now (reading the whole message), with Undo.
 */
export async function messageCard(context: HandlerContext): Promise<Card> {
  const opened = await openMessageLookup(context);
  if (!opened.result) return onlyYou();
  const { message } = opened;
  let result = opened.result;
  let autoFiled: string | null = null;
  if (result.filing?.autoFile) {
    const links = result.filing.suggestedLinks.map(({ type, id }) => ({ type, id }));
    try {
      const filed = await fileOpenMessage(context, links, { onlyIfNew: true });
      // Undo puts the email in the trash: only one this filing made.
      if (filed.created) autoFiled = filed.emailId;
    } catch (error) {
      // Filed meanwhile, or refused (never-file): the card shows the message as it stands.
      if (!(error instanceof DomainError)) throw error;
    }
    result = (await lookupParties(context, message, message)) ?? result;
  }
  const parties = partiesOf(message);
  const address = result.address;
  const caseId = filedCaseOf(result.filing);
  return senderCard(result, context, context.where, {
    filing: true,
    displayName: parties.find((party) => party.email === address)?.name ?? null,
    parties,
    autoFiled,
    supportCase: caseId ? { view: await context.crm.caseView(caseId), userId: context.crm.user.id } : null,
  });
}

const partiesOf = (message: GmailMessage): MessageParty[] =>
  [message.from, ...message.to, ...message.cc].filter((party): party is MessageParty => party !== null);

/** One other person on the open message or draft, chosen from its card: their record in full. */
export async function personCard(context: HandlerContext, address: string): Promise<Card> {
  const message = context.gmail ? await context.gmail.headers() : null;
  const result = await lookupAddresses(context, [address], message);
  return senderCard(result, context, context.where, {
    filing: message !== null,
    displayName:
      (message ? partiesOf(message) : []).find((party) => party.email === result.address)?.name ?? null,
    parties: [],
  });
}

/** The compose card: the recipients' records while the user writes (Gmail names them in the event). */
export async function composeCard(context: HandlerContext): Promise<Card> {
  const party = (email: string) => ({ email, name: null });
  const recipients = {
    from: null,
    to: (context.event.gmail?.toRecipients ?? []).map(party),
    cc: (context.event.gmail?.ccRecipients ?? []).map(party),
  };
  const result = await lookupParties(context, recipients, null);
  if (!result)
    return noticeCard('No recipients yet', 'Add someone to the To or Cc line, then open Inbox CRM again.');
  return senderCard(result, context, context.where, {
    filing: false,
    displayName: null,
    parties: [...recipients.to, ...recipients.cc],
  });
}

/** The card under a form: the open message's, the open event's, or the draft's. */
export const currentCard = (context: HandlerContext) =>
  context.gmail ? messageCard(context) : context.calendar ? eventCard(context) : composeCard(context);
