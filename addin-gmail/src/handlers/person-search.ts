import { DomainError } from '@inbox-crm/shared';
import type { ActionName, ActionState } from '../cards/card-actions.js';
import { popAndReplace, pushCard, replaceCard } from '../cards/card-builder.js';
import type { ActionResponse } from '../cards/card-model.js';
import { formValues } from '../google/add-on-event.js';
import {
  correspondenceCard,
  LINK_QUERY_FIELD,
  linkSearchCard,
  THEIR_WORDS_FIELD,
  type CorrespondenceScope,
} from '../views/person-search-cards.js';
import { subjectFromState } from '../views/quick-action-cards.js';
import { FormProblem } from './form-problem.js';
import type { HandlerContext } from './handler-context.js';
import { currentCard } from './message.js';

type Handler = (context: HandlerContext, state: ActionState) => Promise<ActionResponse>;

const LINK_HITS = 10;
const CORRESPONDENCE_HITS = 10;

const text = (state: ActionState, key: string) =>
  typeof state[key] === 'string' ? (state[key] as string) : null;
const words = (context: HandlerContext, name: string) =>
  (formValues(context.event, name)[0] ?? '').trim().slice(0, 200);
const stale = () => new FormProblem('This button is out of date; open the message again.');

/** Searching a person's correspondence, and linking an unknown sender to a contact or account. */
export const PERSON_SEARCH_HANDLERS: Record<
  Extract<ActionName, 'search-correspondence' | 'open-link' | 'find-link' | 'link-address'>,
  Handler
> = {
  async 'search-correspondence'(context, state) {
    const { recordType, recordId, name } = state;
    if ((recordType !== 'contact' && recordType !== 'account') || typeof recordId !== 'string') throw stale();
    const scope: CorrespondenceScope = {
      recordType,
      recordId,
      name: typeof name === 'string' ? name : 'them',
    };
    const query = words(context, THEIR_WORDS_FIELD);
    if (query === '') throw new FormProblem('Type a word to look for in their correspondence.');
    try {
      const found = await context.crm.searchActivities({
        q: query,
        recordType,
        recordId,
        limit: CORRESPONDENCE_HITS,
      });
      return pushCard(correspondenceCard(scope, query, found.items, context, context.where));
    } catch (error) {
      // A query of only left-out words or punctuation has nothing to look for.
      if (error instanceof DomainError && error.kind === 'invalid') {
        throw new FormProblem('Type a word to look for, not only words to leave out.');
      }
      throw error;
    }
  },

  async 'open-link'(context, state) {
    return pushCard(linkSearchCard(subjectFromState(state), context));
  },

  async 'find-link'(context, state) {
    const subject = subjectFromState(state);
    const query = words(context, LINK_QUERY_FIELD);
    if (query === '') throw new FormProblem('Type a name or a company to look for.');
    const hits = (await context.crm.search(query)).items
      .filter((hit) => hit.type === 'contact' || hit.type === 'account')
      .slice(0, LINK_HITS);
    return replaceCard(linkSearchCard(subject, context, { query, hits }));
  },

  async 'link-address'(context, state) {
    const subject = subjectFromState(state);
    const contactId = text(state, 'contactId');
    if (!subject.address || !contactId) throw stale();
    const contact = await context.crm.addContactEmail(contactId, subject.address);
    return popAndReplace(await currentCard(context), `${subject.address} added to ${contact.name}.`);
  },
};
