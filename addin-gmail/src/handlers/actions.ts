import { RECORD_TYPES, type RecordRef, type RecordType } from '@inbox-crm/shared';
import type { ActionName, ActionState } from '../cards/card-actions.js';
import { popAndReplace, pushCard, replaceCard } from '../cards/card-builder.js';
import type { ActionResponse } from '../cards/card-model.js';
import { formValues } from '../google/add-on-event.js';
import { filingCard, PRIVATE_FIELD, RECORDS_FIELD } from '../views/filing-card.js';
import { SEARCH_FIELD } from '../views/homepage-card.js';
import { noticeCard } from '../views/notice-cards.js';
import { eventCard, logOpenEvent } from './calendar-event.js';
import { fileOpenMessage } from './filing.js';
import { FormProblem } from './form-problem.js';
import type { HandlerContext } from './handler-context.js';
import { homepage } from './homepage.js';
import { currentCard, personCard } from './message.js';
import { PERSON_SEARCH_HANDLERS } from './person-search.js';
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
    const privately = formValues(context.event, PRIVATE_FIELD).includes('yes');
    const { notice } = await fileOpenMessage(context, tickedRecords(context), { private: privately });
    return popAndReplace(await currentCard(context), notice);
  },

  async 'file-with-thread'(context) {
    const { result } = await openMessageLookup(context);
    const links = (result?.filing?.suggestedLinks ?? []).map(({ type, id }) => ({ type, id }));
    if (links.length === 0) throw new FormProblem('This message’s thread is not filed; choose the records.');
    const { notice } = await fileOpenMessage(context, links);
    return replaceCard(await currentCard(context), notice);
  },

  async 'undo-filing'(context, state) {
    if (typeof state.emailId !== 'string')
      throw new FormProblem('This button is out of date; open the message again.');
    await context.crm.deleteEmail(state.emailId);
    return replaceCard(await currentCard(context), 'Undone: this email is not filed.');
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

  async 'log-meeting'(context) {
    const news = await logOpenEvent(context);
    return replaceCard(await eventCard(context), news);
  },

  ...QUICK_ACTION_HANDLERS,
  ...PERSON_SEARCH_HANDLERS,
};
