import {
  CASE_STATUS_NAMES,
  consoleRecordPath,
  PRIORITY_NAMES,
  slaClockWords,
  type CaseStatus,
} from '@inbox-crm/shared';
import type { CaseView } from '../crm-gateway.js';
import { button, buttons, dropdown, fact, openLink, section } from '../cards/card-builder.js';
import type { CardSection } from '../cards/card-model.js';
import type { ViewContext } from './view-context.js';

export const CASE_STATUS_FIELD = 'case-status';
export const CASE_OWNER_FIELD = 'case-owner';
/** The owner field's value for nobody (a field cannot send an empty choice back). */
export const NOBODY = 'nobody';

const STATUSES = Object.keys(CASE_STATUS_NAMES) as CaseStatus[];

/**
 * The case the open message belongs to: its number, status, priority, assignee and service level
 * clocks, with its status and assignee changed from the card.
 */
export function caseSection(
  view: CaseView,
  context: ViewContext & { userId: string },
  now: Date,
): CardSection {
  const { supportCase, people } = view;
  const owner = people.find((person) => person.id === supportCase.ownerId)?.name ?? 'nobody';
  const state = {
    caseId: supportCase.id,
    version: supportCase.version,
    number: supportCase.number,
    ownerId: supportCase.ownerId,
  };
  return section(`Case #${supportCase.number}`, [
    fact(supportCase.subject, {
      top: `${CASE_STATUS_NAMES[supportCase.status]} · ${PRIORITY_NAMES[supportCase.priority]} priority`,
      bottom: `Assigned to ${owner}`,
      onClick: openLink(`${context.publicUrl}${consoleRecordPath({ type: 'case', id: supportCase.id })}`),
    }),
    ...view.clocks.map((clock) => fact(slaClockWords(clock, now), { top: 'Service level' })),
    dropdown(
      CASE_STATUS_FIELD,
      'Status',
      STATUSES.map((status) => ({
        text: CASE_STATUS_NAMES[status],
        value: status,
        selected: status === supportCase.status,
      })),
    ),
    dropdown(CASE_OWNER_FIELD, 'Assigned to', [
      { text: 'Nobody', value: NOBODY, selected: supportCase.ownerId === null },
      ...people.map((person) => ({
        text: person.name,
        value: person.id,
        selected: person.id === supportCase.ownerId,
      })),
    ]),
    buttons(
      button('Save case', context.actions.call('update-case', state), 'FILLED'),
      ...(supportCase.ownerId === context.userId
        ? []
        : [button('Assign to me', context.actions.call('take-case', state))]),
    ),
  ]);
}
