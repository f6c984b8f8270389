import {
  consoleRecordPath,
  customerViews,
  PHONE_LABEL_NAMES,
  type LookupResult,
  type User,
} from '@inbox-crm/shared/client';
import { answerWords, PURPOSES } from '../consent/consent-words.js';
import type { FirstViewTheme } from './first-view-theme.js';

// The sender's record drawn with the DOM alone, by the page's first module, as soon as the sender
// view answers: React, Fluent and the app take a while longer to load and evaluate, and then draw
// the same record (with its actions) in its place. It is what the pane shows on top — the filing
// state, the contact and the account — in the pane's own layout, so the swap moves nothing above
// what the app adds below. Its buttons stay disabled until the app is up; its links work.

type Child = Node | string | null | false;

function element(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

const link = (href: string, ...children: Child[]) => element('a', { href, class: 'fv-link' }, ...children);
const recordLink = (href: string, heading: string) =>
  element('a', { href, class: 'fv-link', target: '_blank' }, element('h2', {}, heading));
const line = (...children: Child[]) => element('p', { class: 'fv-line' }, ...children);
const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

function styleSheet(theme: FirstViewTheme): HTMLStyleElement {
  const style = document.createElement('style');
  // Sizes and spacing are Fluent's: Text 300 and 200, a medium Card, a small Button in the header.
  style.textContent = `
.fv-page { min-height: 100vh; box-sizing: border-box; background: ${theme.colorNeutralBackground1};
  color: ${theme.colorNeutralForeground1}; font-family: ${theme.fontFamilyBase}; font-size: 14px; line-height: 20px; }
.fv-page * { box-sizing: border-box; }
.fv-header { display: flex; align-items: center; gap: 8px; min-height: 41px; padding: 8px 12px;
  border-bottom: 1px solid ${theme.colorNeutralStroke2}; }
.fv-product { font-weight: 600; }
.fv-user { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 12px; line-height: 16px;
  color: ${theme.colorNeutralForeground2}; }
.fv-body { display: flex; flex-direction: column; gap: 12px; padding: 12px; }
.fv-filing { display: flex; flex-direction: column; gap: 8px; }
.fv-button { min-height: 32px; padding: 5px 12px; border-radius: 4px; font: inherit; font-weight: 600;
  background: ${theme.colorNeutralBackgroundDisabled}; color: ${theme.colorNeutralForegroundDisabled};
  border: 1px solid ${theme.colorNeutralStrokeDisabled}; }
.fv-card { display: flex; flex-direction: column; gap: 2px; min-width: 0; padding: 12px; border-radius: 4px;
  background: ${theme.colorNeutralBackground1}; box-shadow: ${theme.shadow4}; }
.fv-card h2 { margin: 0; font-weight: 600; }
.fv-contact h2 { font-size: 20px; line-height: 28px; }
.fv-account h2 { font-size: 16px; line-height: 22px; }
.fv-line { margin: 0; overflow-wrap: anywhere; color: ${theme.colorNeutralForeground2}; }
.fv-list { list-style: none; margin: 0; padding: 0; }
.fv-link { color: ${theme.colorBrandForegroundLink}; text-decoration: none; }
.fv-consents { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 0; padding: 0; }
.fv-badge { display: inline-block; min-height: 20px; padding: 1px 6px; border-radius: 10000px; font-size: 12px;
  line-height: 16px; font-weight: 600; color: ${theme.colorNeutralForeground3}; border: 1px solid ${theme.colorNeutralStroke1}; }
.fv-reason { margin: 0; font-size: 12px; line-height: 16px; color: ${theme.colorNeutralForeground2}; }
`;
  return style;
}

function header(user: User | null): HTMLElement {
  return element(
    'header',
    { class: 'fv-header' },
    element('span', { class: 'fv-product' }, 'Inbox CRM'),
    user && element('span', { class: 'fv-user', title: user.email }, user.name),
  );
}

function filingState(result: LookupResult): HTMLElement | null {
  const filing = result.filing;
  if (filing === null) return null;
  const status = filing.filed
    ? `Filed${filing.filedBy ? ` by ${filing.filedBy.name}` : ''}.`
    : 'This email is not filed yet.';
  return element(
    'div',
    { class: 'fv-filing' },
    line(status),
    element(
      'button',
      { class: 'fv-button', type: 'button', disabled: '' },
      filing.filed ? 'File to more records' : 'File email',
    ),
  );
}

function contactCard(contact: NonNullable<LookupResult['contact']>, accountName: string | null): HTMLElement {
  const answers = new Map(contact.consents.map((answer) => [answer.purpose, answer.state]));
  return element(
    'section',
    { class: 'fv-card fv-contact', 'aria-label': `Contact ${contact.name}` },
    recordLink(consoleRecordPath({ type: 'contact', id: contact.id }), contact.name),
    (contact.title || accountName) && line(joined(contact.title, accountName)),
    element(
      'ul',
      { class: 'fv-list', 'aria-label': 'Emails and phones' },
      ...contact.emails.map((email) => element('li', { class: 'fv-line' }, link(`mailto:${email}`, email))),
      ...contact.phones.map((phone) =>
        element(
          'li',
          { class: 'fv-line' },
          link(`tel:${phone.number}`, phone.number),
          ` (${PHONE_LABEL_NAMES[phone.label]})`,
        ),
      ),
    ),
    contact.owner && line(`Owner: ${contact.owner.name}`),
    element(
      'ul',
      { class: 'fv-consents', 'aria-label': 'Consent' },
      ...PURPOSES.map((purpose) =>
        element('li', {}, element('span', { class: 'fv-badge' }, answerWords(purpose, answers.get(purpose)))),
      ),
    ),
  );
}

function accountCard(account: NonNullable<LookupResult['account']>): HTMLElement {
  return element(
    'section',
    { class: 'fv-card fv-account', 'aria-label': `Account ${account.name}` },
    recordLink(consoleRecordPath({ type: 'account', id: account.id }), account.name),
    line(joined(...account.domains, account.phone)),
    account.owner && line(`Owner: ${account.owner.name}`),
  );
}

/**
 * The first view of a message's sender view, or null when its lead is no contact of the CRM's (the
 * app then leads with the person as the message names them, and its offers to create or link one).
 */
export function drawFirstView(
  result: LookupResult,
  user: User | null,
  theme: FirstViewTheme,
): HTMLElement | null {
  const view = customerViews([result, ...result.others])[0]!;
  if (view.contact === null) return null;
  return element(
    'div',
    { class: 'fv-page', 'aria-busy': 'true' },
    styleSheet(theme),
    header(user),
    element(
      'div',
      { class: 'fv-body' },
      filingState(result),
      contactCard(view.contact, view.account?.name ?? null),
      element('p', { class: 'fv-reason' }, view.reason.text),
      view.account && accountCard(view.account),
    ),
  );
}
