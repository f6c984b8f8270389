import {
  ACTIVITY_TYPE_NAMES,
  canBecomeContact,
  CASE_STATUS_NAMES,
  CONSENT_PURPOSE_NAMES,
  CONSENT_STATE_NAMES,
  consoleRecordPath,
  formatMoney,
  formatPhoneForReading,
  isOverdue,
  PHONE_LABEL_NAMES,
  PRIORITY_NAMES,
  RECORD_TYPE_NAMES,
  customerViews,
  type ConsentPurpose,
  type LookupResult,
  type MessageParty,
  type MessageFiling,
  type SenderView,
} from '@inbox-crm/shared';
import {
  button,
  buttons,
  card,
  fact,
  markedFact,
  openLink,
  paragraph,
  escapeCardText,
  section,
} from '../cards/card-builder.js';
import type { Card, CardSection, Widget } from '../cards/card-model.js';
import { formatDate, formatDay, formatMoment, joinParts, type CardLocale } from './format.js';
import { theirCorrespondenceSection } from './person-search-cards.js';
import { subjectOf, type QuickForm, type SubjectState } from './quick-action-cards.js';
import type { CaseView } from '../crm-gateway.js';
import { caseSection } from './case-section.js';
import type { ViewContext } from './view-context.js';

const HISTORY_SHOWN = 3;

/** The card's header: a contact by their record; anyone else as the message names them, and why. */
export function titleOf(view: SenderView, displayName: string | null): { title: string; subtitle?: string } {
  if (view.contact) {
    const subtitle = joinParts(view.contact.title, view.account?.name);
    return { title: view.contact.name, ...(subtitle ? { subtitle } : {}) };
  }
  const title = displayName ?? view.address ?? view.account?.name ?? 'Unknown sender';
  const standing =
    view.reason.kind === 'suppressed'
      ? 'Asked to be forgotten'
      : view.account
        ? `Not a contact yet · ${view.account.name}`
        : 'Not in the CRM';
  return { title, subtitle: joinParts(displayName && view.address, standing) };
}

/** A reply whose thread is filed: one click files it there; mail among colleagues says why it is not. */
function threadWidgets(filing: MessageFiling, context: ViewContext): Widget[] {
  if (filing.filed || filing.suggestedLinks.length === 0) return [];
  if (filing.internal) {
    return [
      paragraph(
        escapeCardText(
          'Its thread is filed, but everyone else on this message is a colleague, so it is not filed with it.',
        ),
      ),
    ];
  }
  const records = filing.suggestedLinks.map((link) => `${link.name} (${RECORD_TYPE_NAMES[link.type]})`);
  return [
    paragraph(escapeCardText(`Its thread is filed to ${records.join(', ')}.`)),
    buttons(button('File with the thread', context.actions.call('file-with-thread'), 'FILLED')),
  ];
}

function filingSection(
  filing: MessageFiling | null,
  context: ViewContext,
  where: CardLocale,
  autoFiled: string | null,
): CardSection {
  const threaded = filing !== null && !filing.filed && filing.suggestedLinks.length > 0 && !filing.internal;
  const fileButton = buttons(
    button(
      filing?.filed ? 'File to more records' : 'File this email',
      context.actions.call('open-filing'),
      threaded ? 'OUTLINED' : 'FILLED',
    ),
  );
  if (!filing?.filed) {
    return section('Filing', [
      paragraph('This email is not filed yet.'),
      ...(filing ? threadWidgets(filing, context) : []),
      fileButton,
    ]);
  }
  const by = joinParts(
    filing.filedBy && `by ${filing.filedBy.name}`,
    filing.filedAt && formatMoment(filing.filedAt, where),
  );
  return section('Filed', [
    ...(autoFiled
      ? [
          paragraph(escapeCardText('Filed with its thread, as your organisation asks.')),
          buttons(button('Undo', context.actions.call('undo-filing', { emailId: autoFiled }), 'OUTLINED')),
        ]
      : []),
    ...(by ? [paragraph(escapeCardText(`Filed ${by}`))] : []),
    ...filing.links.map((link) =>
      fact(link.name, {
        top: RECORD_TYPE_NAMES[link.type],
        button: button(
          'Unfile',
          context.actions.call('unfile', { emailId: filing.emailId, type: link.type, id: link.id }),
          'BORDERLESS',
        ),
      }),
    ),
    fileButton,
  ]);
}

/** Each purpose's current answer, so nobody writes to a person who said no. */
function consentFact(consents: NonNullable<SenderView['contact']>['consents']): Widget {
  const purposes = Object.keys(CONSENT_PURPOSE_NAMES) as ConsentPurpose[];
  const answers = purposes.map((purpose) => {
    const state = consents.find((answer) => answer.purpose === purpose)?.state;
    return escapeCardText(
      `${CONSENT_PURPOSE_NAMES[purpose]}: ${state ? CONSENT_STATE_NAMES[state] : 'no answer'}`,
    );
  });
  return markedFact(answers.join('<br>'), { top: 'Consent' });
}

function recordSections(view: SenderView, context: ViewContext, where: CardLocale): CardSection[] {
  const open = (type: 'contact' | 'account' | 'opportunity' | 'case', id: string) =>
    openLink(`${context.publicUrl}${consoleRecordPath({ type, id })}`);
  const sections: CardSection[] = [];
  if (view.contact) {
    sections.push(
      section('Contact', [
        ...view.contact.emails.map((email) => fact(email, { top: 'Email' })),
        ...view.contact.phones.map((phone) =>
          fact(formatPhoneForReading(phone.number), { top: `Phone (${PHONE_LABEL_NAMES[phone.label]})` }),
        ),
        ...(view.contact.owner ? [fact(view.contact.owner.name, { top: 'Owner' })] : []),
        consentFact(view.contact.consents),
        buttons(button('Open in Inbox CRM', open('contact', view.contact.id))),
      ]),
    );
  }
  if (view.account) {
    sections.push(
      section('Account', [
        fact(view.account.name, {
          bottom: view.account.domains.join(', '),
          onClick: open('account', view.account.id),
        }),
      ]),
    );
  }
  if (view.contact === null && view.account === null) return sections;
  sections.push(
    section(
      'Open opportunities',
      view.opportunities.length === 0
        ? [paragraph('None')]
        : view.opportunities.map((opportunity) =>
            fact(opportunity.name, {
              bottom: joinParts(
                opportunity.stage,
                formatMoney(opportunity.amountMinor, opportunity.currency, where.locale),
                opportunity.closeDate && `closes ${formatDate(opportunity.closeDate, where)}`,
              ),
              onClick: open('opportunity', opportunity.id),
            }),
          ),
    ),
    section(
      'Open cases',
      view.cases.length === 0
        ? [paragraph('None')]
        : view.cases.map((item) =>
            fact(item.subject, {
              bottom: `${CASE_STATUS_NAMES[item.status]} · ${PRIORITY_NAMES[item.priority]}`,
              onClick: open('case', item.id),
            }),
          ),
    ),
    section(
      'Open tasks',
      view.tasks.length === 0
        ? [paragraph('None')]
        : view.tasks.map((task) =>
            fact(task.title, {
              bottom: joinParts(
                isOverdue(task.dueAt) && 'Overdue',
                task.dueAt && `due ${formatDay(task.dueAt, where)}`,
                task.assignee?.name,
              ),
            }),
          ),
    ),
    section(
      'Recent history',
      view.timeline.length === 0
        ? [paragraph('Nothing filed or logged yet')]
        : view.timeline.map((entry) =>
            fact(entry.subject || entry.snippet.slice(0, 80) || '(no subject)', {
              top: joinParts(ACTIVITY_TYPE_NAMES[entry.type], formatMoment(entry.occurredAt, where)),
              bottom:
                entry.type === 'email'
                  ? (entry.from?.name ?? entry.from?.email ?? '')
                  : (entry.owner?.name ?? ''),
            }),
          ),
      { collapsedAfter: HISTORY_SHOWN },
    ),
  );
  const scope = view.contact
    ? { recordType: 'contact' as const, recordId: view.contact.id, name: view.contact.name }
    : { recordType: 'account' as const, recordId: view.account!.id, name: view.account!.name };
  sections.push(theirCorrespondenceSection(scope, context));
  return sections;
}

function actionsSection(view: SenderView, subject: SubjectState, context: ViewContext): CardSection {
  const open = (form: QuickForm, label: string) =>
    button(label, context.actions.call('open-form', { ...subject, form }));
  if (canBecomeContact(view)) {
    return section(null, [
      buttons(
        open('contact', 'Create contact'),
        button('Link to a contact', context.actions.call('open-link', subject)),
      ),
    ]);
  }
  if (view.contact === null && view.account === null) return section(null, []);
  return section('Quick actions', [
    buttons(
      open('note', 'Add note'),
      open('call', 'Log call'),
      open('task', 'Follow-up task'),
      ...(view.opportunities.length > 0 ? [open('stage', 'Move stage')] : []),
    ),
  ]);
}

export interface SenderCardOptions {
  /** Show whether this message is filed, and File (not for drafts). */
  filing: boolean;
  /** How the message names the person, for a new contact. */
  displayName: string | null;
  /** Everyone on the message as it names them: the others are listed to be looked at in turn. */
  parties: MessageParty[];
  /** The email this very opening filed with its thread (the organisation's rule), to offer Undo. */
  autoFiled?: string | null;
  /** What the people are on, for the others' heading. */
  on?: 'message' | 'meeting';
  /** The case the open message belongs to, and who is looking (for Assign to me). */
  supportCase?: { view: CaseView; userId: string } | null;
}

/** How many others on a message the card lists; a list longer than a card can hold says how many more. */
const OTHERS_LISTED = 20;

/** What the CRM knows of a person, in a few words. */
function standingOf(view: SenderView): string {
  if (view.contact) return joinParts('Contact', view.account?.name);
  if (view.account) return `Not a contact yet · ${view.account.name}`;
  return 'Not in the CRM';
}

/** The others on the message, outside the organisation: each opens their own card. */
function othersSection(
  result: LookupResult,
  parties: MessageParty[],
  on: 'message' | 'meeting',
  context: ViewContext,
): CardSection[] {
  const lead = result.address;
  const others = customerViews([result, ...result.others]).filter((view) => view.address !== lead);
  if (others.length === 0 || lead === null) return [];
  const nameOf = new Map(parties.map((party) => [party.email, party.name]));
  const listed = others.slice(0, OTHERS_LISTED).map((view) => {
    const name = view.contact?.name ?? nameOf.get(view.address ?? '') ?? null;
    return fact(name ?? view.address ?? '', {
      bottom: joinParts(name ? view.address : null, standingOf(view)),
      onClick: context.actions.call('show-person', { address: view.address }),
    });
  });
  const more = others.length - listed.length;
  return [
    section(
      `Also on this ${on} (${others.length})`,
      [...listed, ...(more > 0 ? [paragraph(escapeCardText(`and ${more} more`))] : [])],
      { collapsedAfter: 3 },
    ),
  ];
}

/** What the card says of the person: why they matched, what to do, the others, filing, their records. */
export function senderSections(
  result: LookupResult,
  context: ViewContext,
  where: CardLocale,
  options: SenderCardOptions,
): CardSection[] {
  return [
    // Why this record: a contact by its address, an account by its domain, or why nothing matched.
    section(null, [paragraph(`<font color="#5f6368">${escapeCardText(result.reason.text)}</font>`)]),
    ...(options.supportCase
      ? [
          caseSection(
            options.supportCase.view,
            { ...context, userId: options.supportCase.userId },
            new Date(),
          ),
        ]
      : []),
    actionsSection(result, subjectOf(result, options.displayName), context),
    ...othersSection(result, options.parties, options.on ?? 'message', context),
    ...(options.filing ? [filingSection(result.filing, context, where, options.autoFiled ?? null)] : []),
    ...recordSections(result, context, where),
  ];
}

/** Who the open message is with, whether it is filed, what is open with them, and what to do next. */
export function senderCard(
  result: LookupResult,
  context: ViewContext,
  where: CardLocale,
  options: SenderCardOptions,
): Card {
  return card(titleOf(result, options.displayName), senderSections(result, context, where, options));
}
