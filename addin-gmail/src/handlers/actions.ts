import {
  fileKeepingWhatFits,
  RECORD_TYPES,
  withinFilingLimits,
  type RecordRef,
  type RecordType,
} from '@inbox-crm/shared';
import type { ActionName, ActionState } from '../cards/card-actions.js';
import { popAndReplace, pushCard, replaceCard } from '../cards/card-builder.js';
import type { ActionResponse } from '../cards/card-model.js';
import { formValues } from '../google/add-on-event.js';
import { filingCard, RECORDS_FIELD } from '../views/filing-card.js';
import { SEARCH_FIELD } from '../views/homepage-card.js';
import { noticeCard } from '../views/notice-cards.js';
import { FormProblem } from './form-problem.js';
import type { HandlerContext } from './handler-context.js';
import { homepage } from './homepage.js';
import { currentCard, personCard } from './message.js';
import { QUICK_ACTION_HANDLERS } from './quick-actions.js';
import { openMessageLookup } from './sender-lookup.js';

export type ActionHandler = (context: HandlerContext, state: ActionState) => Promise<ActionResponse>;

const isRecordType = (value: unknown): value is RecordType =>
  (RECORD_TYPES as readonly unknown[]).includes(value);

/** The records ticked in the filing card ("type:id" each). */
function tickedRecords(context: HandlerContext): RecordRef[] {
  const records = formValues(context.event, RECORDS_FIELD).flatMap((value) => {
    const [type, id] = value.split(':');
    return isRecordType(type) && id ? [{ type, id }] : [];
  });
  if (records.length === 0) throw new FormProblem('Tick at least one record to file the email to.');
  return records;
}

/** Every card action by its explicit name. */
export const ACTION_HANDLERS: Record<ActionName, ActionHandler> = {
  async search(context) {
    const query = (formValues(context.event, SEARCH_FIELD)[0] ?? '').trim().slice(0, 200);
    if (query === '') throw new FormProblem('Type a name, an address or a word to search for.');
    return replaceCard(await homepage(context, query));
  },

  async 'open-filing'(context) {
    const { result } = await openMessageLookup(context);
    if (!result)
      return pushCard(noticeCard('Only you are on this message', 'There is nobody to file it to.'));
    return pushCard(filingCard(result, context, context.where.locale));
  },

  async 'show-person'(context, state) {
    if (typeof state.address !== 'string')
      throw new FormProblem('This button is out of date; open the message again.');
    return pushCard(await personCard(context, state.address));
  },

  async file(context) {
    const links = tickedRecords(context);
    if (!context.gmail) throw new FormProblem('Open the message in Gmail to file it.');
    const message = await context.gmail.content();
    if (!message.from) throw new FormProblem('This message has no sender address, so it cannot be filed.');
    const { filed, namesOnly } = await fileKeepingWhatFits(
      withinFilingLimits({
        messageId: message.messageId,
        conversationId: context.event.gmail?.threadId ?? null,
        inReplyTo: message.inReplyTo,
        references: message.references.slice(0, 200),
        subject: message.subject,
        from: message.from,
        to: message.to,
        cc: message.cc,
        sentAt: message.sentAt,
        bodyText: message.bodyText,
        bodyHtml: message.bodyHtml,
        attachments: message.attachments,
        source: 'gmail',
        links,
      }),
      (email) => context.crm.fileEmail(email),
    );
    const count = `${links.length} ${links.length === 1 ? 'record' : 'records'}`;
    const done = filed.created ? `Filed to ${count}.` : `Added to ${count}.`;
    const kept =
      namesOnly.length > 0 ? ` Kept by name only (too large to keep): ${namesOnly.join(', ')}.` : '';
    return popAndReplace(await currentCard(context), done + kept);
  },

  async 'mark-notifications-read'(context, state) {
    if (typeof state.upTo !== 'string')
      throw new FormProblem('This button is out of date; open the add-on again.');
    await context.crm.markNotificationsRead(state.upTo);
    return replaceCard(await homepage(context), 'Marked as read.');
  },

  async 'mark-notification-read'(context, state) {
    if (typeof state.id !== 'string')
      throw new FormProblem('This button is out of date; open the add-on again.');
    await context.crm.markNotificationRead(state.id);
    return replaceCard(await homepage(context), 'Marked as read.');
  },

  async unfile(context, state) {
    const { emailId, type, id } = state;
    if (typeof emailId !== 'string' || !isRecordType(type) || typeof id !== 'string') {
      throw new FormProblem('This button is out of date; open the message again.');
    }
    await context.crm.unfileEmail(emailId, { type, id });
    return replaceCard(await currentCard(context), 'Unfiled.');
  },

  ...QUICK_ACTION_HANDLERS,
};
