import type { ActivityHit, SearchHit } from '@inbox-crm/shared';
import {
  button,
  buttons,
  card,
  escapeCardText,
  fact,
  paragraph,
  section,
  textInput,
} from '../cards/card-builder.js';
import type { Card, CardSection } from '../cards/card-model.js';
import { correspondenceSection } from './correspondence-section.js';
import type { CardLocale } from './format.js';
import type { SubjectState } from './quick-action-cards.js';
import type { ViewContext } from './view-context.js';

/** The form fields of the two searches. */
export const LINK_QUERY_FIELD = 'link-q';
export const THEIR_WORDS_FIELD = 'their-words';

/** Where the person's correspondence is searched: their contact, else their account. */
export interface CorrespondenceScope {
  [key: string]: string;
  recordType: 'contact' | 'account';
  recordId: string;
  name: string;
}

/** The person card's search of their correspondence. */
export function theirCorrespondenceSection(scope: CorrespondenceScope, context: ViewContext): CardSection {
  return section(`Search correspondence with ${scope.name}`, [
    textInput(THEIR_WORDS_FIELD, 'Words from their email, calls, meetings and notes'),
    buttons(button('Search', context.actions.call('search-correspondence', scope))),
  ]);
}

/** What a search of the person's correspondence found. */
export function correspondenceCard(
  scope: CorrespondenceScope,
  query: string,
  hits: readonly ActivityHit[],
  context: ViewContext,
  where: CardLocale,
): Card {
  return card({ title: `Correspondence with ${scope.name}`, subtitle: `“${query}”` }, [
    correspondenceSection('Found', hits, context, where),
  ]);
}

/**
 * An unknown sender who is in the CRM under another address, or works at a company it knows: find
 * that contact (and add this address) or that account (and make them a contact there).
 */
export function linkSearchCard(
  subject: SubjectState,
  context: ViewContext,
  found?: { query: string; hits: readonly SearchHit[] },
): Card {
  const results = found
    ? [
        section(
          `Found for “${found.query}”`,
          found.hits.length === 0
            ? [paragraph(escapeCardText('No contact or account has that name. Try another word.'))]
            : found.hits.map((hit) =>
                hit.type === 'contact'
                  ? fact(hit.name, {
                      top: 'Contact',
                      ...(hit.detail ? { bottom: hit.detail } : {}),
                      button: button(
                        'Add address',
                        context.actions.call('link-address', {
                          ...subject,
                          contactId: hit.id,
                          contactName: hit.name,
                        }),
                      ),
                    })
                  : fact(hit.name, {
                      top: 'Account',
                      ...(hit.detail ? { bottom: hit.detail } : {}),
                      button: button(
                        'Contact here',
                        context.actions.call('open-form', {
                          ...subject,
                          form: 'contact',
                          accountId: hit.id,
                          accountName: hit.name,
                        }),
                      ),
                    }),
              ),
        ),
      ]
    : [];
  return card({ title: 'Link to a contact or account', subtitle: subject.address ?? '' }, [
    section(null, [
      textInput(LINK_QUERY_FIELD, 'Name or company', { value: found?.query ?? '' }),
      buttons(button('Find', context.actions.call('find-link', subject), 'FILLED')),
    ]),
    ...results,
  ]);
}
