import type { NamedRecordRef, RecordRef } from '../schemas/common.js';
import type { MessageFiling, SenderView } from '../schemas/lookup.js';
import type { SearchHit } from '../schemas/search.js';
import { isColleagueOrInvalid } from './customer-views.js';
import { formatMoney } from './money.js';
import { CASE_STATUS_NAMES, PRIORITY_NAMES } from './record-words.js';

/** A record the user can link an email or activity to, with a second line that tells it apart. */
export interface RecordChoice extends NamedRecordRef {
  detail: string | null;
}

export const choiceKey = (record: { type: string; id: string }) => `${record.type}:${record.id}`;

/**
 * What a picker offers before any search: the person's contact and account, their open
 * opportunities and cases, records the same thread was filed to, and the contacts and accounts of
 * the others on the message, each once.
 */
export function suggestedChoices(
  view: SenderView,
  filing: MessageFiling | null,
  options: { locale?: string; others?: readonly SenderView[] } = {},
): RecordChoice[] {
  const { locale, others = [] } = options;
  const choices: RecordChoice[] = [];
  if (view.contact)
    choices.push({ type: 'contact', id: view.contact.id, name: view.contact.name, detail: view.address });
  if (view.account)
    choices.push({ type: 'account', id: view.account.id, name: view.account.name, detail: null });
  for (const opportunity of view.opportunities) {
    const amount = formatMoney(opportunity.amountMinor, opportunity.currency, locale);
    const detail = amount ? `${opportunity.stage} · ${amount}` : opportunity.stage;
    choices.push({ type: 'opportunity', id: opportunity.id, name: opportunity.name, detail });
  }
  for (const item of view.cases) {
    choices.push({
      type: 'case',
      id: item.id,
      name: item.subject,
      detail: `${CASE_STATUS_NAMES[item.status]} · ${PRIORITY_NAMES[item.priority]}`,
    });
  }
  for (const link of filing?.suggestedLinks ?? [])
    choices.push({ ...link, detail: 'Filed from this thread' });
  for (const link of filing?.links ?? []) choices.push({ ...link, detail: null });
  for (const other of others) {
    if (other.contact)
      choices.push({
        type: 'contact',
        id: other.contact.id,
        name: other.contact.name,
        detail: other.address,
      });
    if (other.account)
      choices.push({ type: 'account', id: other.account.id, name: other.account.name, detail: null });
  }
  const seen = new Set<string>();
  return choices.filter((choice) => !seen.has(choiceKey(choice)) && seen.add(choiceKey(choice)));
}

/**
 * The contact and account are what a user files to nearly every time, and a reply goes where its
 * thread went (unless it is mail among colleagues): they start ticked, unless linked already.
 */
export function preselectedKeys(view: SenderView, filing: MessageFiling | null): Set<string> {
  const linked = new Set((filing?.links ?? []).map(choiceKey));
  const thread = filing && !filing.internal ? filing.suggestedLinks.map(choiceKey) : [];
  const keys = [
    view.contact && choiceKey({ type: 'contact', id: view.contact.id }),
    view.account && choiceKey({ type: 'account', id: view.account.id }),
    ...thread,
  ];
  return new Set(keys.filter((key): key is string => !!key && !linked.has(key)));
}

export const choiceFromHit = (hit: SearchHit): RecordChoice => ({ ...hit });

/**
 * What a message files to when no one chooses: the contact and account of each person on it from
 * outside the organisation, each once (colleagues and unusable addresses have none).
 */
export function peopleRecords(views: readonly SenderView[]): RecordRef[] {
  const records = new Map<string, RecordRef>();
  for (const view of views) {
    if (isColleagueOrInvalid(view)) continue;
    if (view.contact)
      records.set(choiceKey({ type: 'contact', id: view.contact.id }), {
        type: 'contact',
        id: view.contact.id,
      });
    if (view.account)
      records.set(choiceKey({ type: 'account', id: view.account.id }), {
        type: 'account',
        id: view.account.id,
      });
  }
  return [...records.values()];
}
