import {
  accountNameFromDomain,
  nameFromDisplayName,
  type PipelineStage,
  REMINDER_CHOICES,
  type SenderOpportunity,
  type SenderView,
} from '@inbox-crm/shared';
import type { ActionState } from '../cards/card-actions.js';
import {
  button,
  buttons,
  card,
  checkboxes,
  dropdown,
  escapeCardText,
  paragraph,
  section,
  textInput,
} from '../cards/card-builder.js';
import type { Card } from '../cards/card-model.js';
import type { ViewContext } from './view-context.js';

export const QUICK_FORMS = ['note', 'call', 'task', 'contact', 'stage'] as const;
export type QuickForm = (typeof QUICK_FORMS)[number];

export const CALL_OUTCOMES = ['Connected', 'Left voicemail', 'No answer', 'Call back requested'] as const;
export const DUE_CHOICES = [
  { label: 'Tomorrow', days: 1 },
  { label: 'In 3 days', days: 3 },
  { label: 'In a week', days: 7 },
  { label: 'In two weeks', days: 14 },
] as const;

/**
 * What a quick action is about, carried in its signed state: the person's records, and for a new
 * contact how the message names them and what account their domain has or could have.
 */
export interface SubjectState extends ActionState {
  name: string;
  address: string | null;
  contactId: string | null;
  accountId: string | null;
  accountName: string | null;
  displayName: string | null;
  /** A company domain with no account yet (never a free-mail one). */
  newDomain: string | null;
}

/** The subject of quick actions on a sender view; `displayName` is how the message names them. */
export function subjectOf(view: SenderView, displayName: string | null): SubjectState {
  return {
    name: view.contact?.name ?? displayName ?? view.address ?? view.account?.name ?? 'them',
    address: view.address,
    contactId: view.contact?.id ?? null,
    accountId: view.account?.id ?? null,
    accountName: view.account?.name ?? null,
    displayName,
    newDomain: view.account === null && view.reason.kind === 'no_match' ? view.reason.domain : null,
  };
}

/** The signed state of a quick action, read back as what it is about. */
export function subjectFromState(state: ActionState): SubjectState {
  const text = (key: string) => (typeof state[key] === 'string' ? (state[key] as string) : null);
  return {
    name: text('name') ?? 'them',
    address: text('address'),
    contactId: text('contactId'),
    accountId: text('accountId'),
    accountName: text('accountName'),
    displayName: text('displayName'),
    newDomain: text('newDomain'),
  };
}

const noteCard = (subject: SubjectState, context: ViewContext): Card =>
  card({ title: 'Add a note', subtitle: subject.name }, [
    section(null, [
      textInput('note', 'Note', { multiline: true }),
      buttons(button('Save note', context.actions.call('add-note', subject), 'FILLED')),
    ]),
  ]);

const callCard = (subject: SubjectState, context: ViewContext): Card =>
  card({ title: 'Log a call', subtitle: subject.name }, [
    section(null, [
      dropdown('direction', 'Direction', [
        { text: 'Outgoing', value: 'outbound', selected: true },
        { text: 'Incoming', value: 'inbound', selected: false },
      ]),
      dropdown(
        'outcome',
        'Outcome',
        CALL_OUTCOMES.map((outcome, index) => ({ text: outcome, value: outcome, selected: index === 0 })),
      ),
      textInput('minutes', 'Minutes', { value: '5' }),
      textInput('notes', 'Notes', { multiline: true }),
      buttons(button('Log call', context.actions.call('log-call', subject), 'FILLED')),
    ]),
  ]);

const taskCard = (subject: SubjectState, context: ViewContext): Card =>
  card({ title: 'Follow-up task', subtitle: subject.name }, [
    section(null, [
      textInput('title', 'Task', { value: `Follow up with ${subject.name}` }),
      dropdown(
        'due',
        'Due',
        DUE_CHOICES.map((choice) => ({
          text: choice.label,
          value: String(choice.days),
          selected: choice.days === 3,
        })),
      ),
      dropdown(
        'reminder',
        'Remind me',
        REMINDER_CHOICES.map((choice, index) => ({
          text: choice.label,
          value: choice.minutes === null ? '' : String(choice.minutes),
          selected: index === 0,
        })),
      ),
      buttons(button('Create task', context.actions.call('create-task', subject), 'FILLED')),
    ]),
  ]);

function contactCard(subject: SubjectState, context: ViewContext): Card {
  const name = nameFromDisplayName(subject.displayName, subject.address ?? '');
  const account = subject.accountId
    ? [
        checkboxes('account', 'Account', [
          { text: `Add to ${subject.accountName ?? 'the account'}`, value: 'yes', selected: true },
        ]),
      ]
    : subject.newDomain
      ? [
          checkboxes('new-account', 'Account', [
            { text: `Create an account for ${subject.newDomain}`, value: 'yes', selected: true },
          ]),
          textInput('account-name', 'Account name', { value: accountNameFromDomain(subject.newDomain) }),
        ]
      : [];
  return card({ title: 'New contact', subtitle: subject.address ?? '' }, [
    section(null, [
      textInput('first-name', 'First name', { value: name.firstName }),
      textInput('last-name', 'Last name', { value: name.lastName }),
      textInput('job-title', 'Job title'),
      ...account,
      buttons(button('Save contact', context.actions.call('create-contact', subject), 'FILLED')),
    ]),
  ]);
}

/** Moving one of the person's open opportunities to another stage of the pipeline. */
export function stageCard(
  subject: SubjectState,
  opportunities: readonly (SenderOpportunity & { version: number })[],
  stages: readonly PipelineStage[],
  context: ViewContext,
): Card {
  if (opportunities.length === 0) {
    return card({ title: 'Move stage', subtitle: subject.name }, [
      section(null, [paragraph(escapeCardText(`${subject.name} has no open opportunity to move.`))]),
    ]);
  }
  const first = opportunities[0]!;
  return card({ title: 'Move stage', subtitle: subject.name }, [
    section(null, [
      dropdown(
        'opportunity',
        'Opportunity',
        opportunities.map((opportunity, index) => ({
          text: `${opportunity.name} (${opportunity.stage})`,
          // The version shown travels with the choice, so a deal moved meanwhile is not moved back.
          value: `${opportunity.id}@${opportunity.version}`,
          selected: index === 0,
        })),
      ),
      dropdown(
        'stage',
        'New stage',
        stages.map((stage) => ({ text: stage.name, value: stage.id, selected: stage.name === first.stage })),
      ),
      buttons(button('Move', context.actions.call('move-stage', subject), 'FILLED')),
    ]),
  ]);
}

/** The form of a quick action, about the person the message is with (Move stage has its own, with data). */
export function quickFormCard(
  form: Exclude<QuickForm, 'stage'>,
  subject: SubjectState,
  context: ViewContext,
): Card {
  const forms: Record<Exclude<QuickForm, 'stage'>, (subject: SubjectState, context: ViewContext) => Card> = {
    note: noteCard,
    call: callCard,
    task: taskCard,
    contact: contactCard,
  };
  return forms[form](subject, context);
}
