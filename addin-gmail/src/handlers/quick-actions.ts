import { CASE_STATUSES, type CaseStatus, type RecordRef } from '@inbox-crm/shared';
import type { ActionName, ActionState } from '../cards/card-actions.js';
import { popAndReplace, pushCard } from '../cards/card-builder.js';
import type { ActionResponse } from '../cards/card-model.js';
import { formValues } from '../google/add-on-event.js';
import { REMINDER_CHOICES } from '@inbox-crm/shared';
import { CASE_OWNER_FIELD, CASE_STATUS_FIELD, NOBODY } from '../views/case-section.js';
import { dueInDays } from '../views/format.js';
import {
  CALL_OUTCOMES,
  QUICK_FORMS,
  quickFormCard,
  type QuickForm,
  stageCard,
  subjectFromState,
  type SubjectState,
} from '../views/quick-action-cards.js';
import { FormProblem } from './form-problem.js';
import type { HandlerContext } from './handler-context.js';
import { currentCard } from './message.js';

type Handler = (context: HandlerContext, state: ActionState) => Promise<ActionResponse>;

const MAX_MINUTES = 24 * 60;

const field = (context: HandlerContext, name: string) => (formValues(context.event, name)[0] ?? '').trim();
const ticked = (context: HandlerContext, name: string) => formValues(context.event, name).includes('yes');

/** The records an activity is about: the person's contact and account. */
function linksOf(subject: SubjectState): RecordRef[] {
  const links: RecordRef[] = [];
  if (subject.contactId) links.push({ type: 'contact', id: subject.contactId });
  if (subject.accountId) links.push({ type: 'account', id: subject.accountId });
  if (links.length === 0)
    throw new FormProblem('This person has no record to link to yet; create the contact first.');
  return links;
}

/** The Move stage form: the person's open opportunities, read now, and the pipeline's stages. */
async function stageFormCard(context: HandlerContext, subject: SubjectState) {
  if (!subject.address) throw new FormProblem('This person has no address to look up.');
  const [view, stages] = await Promise.all([
    context.crm.lookup({ emails: [subject.address], timelineLimit: 0 }),
    context.crm.pipelineStages(),
  ]);
  const versions = await Promise.all(
    view.opportunities.map(async (opportunity) => (await context.crm.getOpportunity(opportunity.id)).version),
  );
  const shown = view.opportunities.map((opportunity, index) => ({
    ...opportunity,
    version: versions[index]!,
  }));
  return stageCard(subject, shown, stages, context);
}

/** After a quick action: back to the message's card, redrawn, with the news. */
const done = async (context: HandlerContext, news: string) => popAndReplace(await currentCard(context), news);

/** Changes the case a card showed, as of the version it showed. */
async function changeCase(
  context: HandlerContext,
  state: ActionState,
  change: { status?: CaseStatus; ownerId?: string | null },
) {
  const { caseId, version, number } = state;
  if (typeof caseId !== 'string' || typeof version !== 'number') {
    throw new FormProblem('This button is out of date; open the message again.');
  }
  await context.crm.updateCase(caseId, version, change);
  return done(context, `Case #${String(number)} saved.`);
}

export const QUICK_ACTION_HANDLERS: Record<
  Extract<
    ActionName,
    | 'open-form'
    | 'add-note'
    | 'log-call'
    | 'create-task'
    | 'create-contact'
    | 'move-stage'
    | 'update-case'
    | 'take-case'
  >,
  Handler
> = {
  async 'open-form'(context, state) {
    const form = state.form;
    if (typeof form !== 'string' || !(QUICK_FORMS as readonly string[]).includes(form)) {
      throw new FormProblem('This button is out of date; open the message again.');
    }
    const subject = subjectFromState(state);
    if (form === 'stage') return pushCard(await stageFormCard(context, subject));
    return pushCard(quickFormCard(form as Exclude<QuickForm, 'stage'>, subject, context));
  },

  async 'move-stage'(context) {
    const [opportunityId = '', version = ''] = field(context, 'opportunity').split('@');
    const stageId = field(context, 'stage');
    if (opportunityId === '' || !/^\d+$/.test(version) || stageId === '') {
      throw new FormProblem('Choose the opportunity and its new stage.');
    }
    const stages = await context.crm.pipelineStages();
    const stage = stages.find((candidate) => candidate.id === stageId);
    if (!stage) throw new FormProblem('That stage is no longer in the pipeline; open the form again.');
    const moved = await context.crm.moveOpportunity(opportunityId, Number(version), stageId);
    return done(context, `${moved.name} moved to ${stage.name}.`);
  },

  async 'update-case'(context, state) {
    const status = field(context, CASE_STATUS_FIELD);
    const owner = field(context, CASE_OWNER_FIELD);
    return changeCase(context, state, {
      ...((CASE_STATUSES as readonly string[]).includes(status) ? { status: status as CaseStatus } : {}),
      // Only a changed assignee is sent: the card's choice of the owner it showed changes nothing.
      ...(owner === '' || (owner === NOBODY ? null : owner) === state.ownerId
        ? {}
        : { ownerId: owner === NOBODY ? null : owner }),
    });
  },

  'take-case': (context, state) => changeCase(context, state, { ownerId: context.crm.user.id }),

  async 'add-note'(context, state) {
    const subject = subjectFromState(state);
    const note = field(context, 'note');
    if (note === '') throw new FormProblem('Write the note first.');
    await context.crm.logActivity({
      type: 'note',
      subject: note.split('\n')[0]!.slice(0, 120),
      body: note.slice(0, 100_000),
      links: linksOf(subject),
    });
    return done(context, `Note added for ${subject.name}.`);
  },

  async 'log-call'(context, state) {
    const subject = subjectFromState(state);
    const minutes = Number(field(context, 'minutes') || '0');
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_MINUTES) {
      throw new FormProblem('Give the call’s length in whole minutes, from 0 to 1440.');
    }
    const direction = field(context, 'direction') === 'inbound' ? 'inbound' : 'outbound';
    const outcome = (CALL_OUTCOMES as readonly string[]).includes(field(context, 'outcome'))
      ? field(context, 'outcome')
      : null;
    const notes = field(context, 'notes');
    await context.crm.logActivity({
      type: 'call',
      subject: `Call ${direction === 'outbound' ? 'to' : 'from'} ${subject.name}`.slice(0, 500),
      body: notes === '' ? null : notes.slice(0, 100_000),
      direction,
      outcome,
      durationMinutes: minutes,
      occurredAt: new Date().toISOString(),
      links: linksOf(subject),
    });
    return done(context, `Call with ${subject.name} logged.`);
  },

  async 'create-task'(context, state) {
    const subject = subjectFromState(state);
    const title = field(context, 'title');
    if (title === '') throw new FormProblem('Give the task a title.');
    const days = Number(field(context, 'due') || '3');
    const reminder = REMINDER_CHOICES.find(
      (choice) => String(choice.minutes ?? '') === field(context, 'reminder'),
    );
    const dueAt = Number.isInteger(days) && days > 0 && days <= 366 ? dueInDays(days, context.where) : null;
    await context.crm.createTask({
      title: title.slice(0, 300),
      dueAt,
      reminderMinutes: dueAt ? (reminder?.minutes ?? null) : null,
      ...(context.where.timeZone ? { timeZone: context.where.timeZone } : {}),
      contactId: subject.contactId,
      accountId: subject.accountId,
    });
    return done(context, `Task “${title.slice(0, 60)}” created.`);
  },

  async 'create-contact'(context, state) {
    const subject = subjectFromState(state);
    const firstName = field(context, 'first-name').slice(0, 100);
    const lastName = field(context, 'last-name').slice(0, 100);
    if (!subject.address) throw new FormProblem('This person has no address to make a contact of.');
    if (firstName === '' && lastName === '') throw new FormProblem('Give the contact a name.');
    let accountId = subject.accountId && ticked(context, 'account') ? subject.accountId : null;
    if (!accountId && subject.newDomain && ticked(context, 'new-account')) {
      const name = field(context, 'account-name');
      if (name === '') throw new FormProblem('Give the new account a name, or untick it.');
      accountId = (
        await context.crm.createAccount({ name: name.slice(0, 200), domains: [subject.newDomain] })
      ).id;
    }
    const title = field(context, 'job-title');
    await context.crm.createContact({
      firstName,
      lastName,
      title: title === '' ? null : title.slice(0, 200),
      emails: [subject.address],
      accountId,
    });
    return done(context, `${[firstName, lastName].filter(Boolean).join(' ')} is now a contact.`);
  },
};
