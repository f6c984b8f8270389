import type { Activity, LookupResult, MessageParty } from '@inbox-crm/shared';
import { button, buttons, card, escapeCardText, paragraph, section } from '../cards/card-builder.js';
import type { Card, CardSection } from '../cards/card-model.js';
import type { CalendarEvent } from '../google/calendar-event.js';
import { formatSpan, joinParts, type CardLocale } from './format.js';
import { senderSections, titleOf } from './sender-card.js';
import type { ViewContext } from './view-context.js';

/** Whether the meeting is logged in the CRM, and a button that logs it when it is not. */
function logSection(logged: Activity | null, canLog: boolean, context: ViewContext): CardSection {
  if (logged) {
    const records = logged.links.length;
    return section(null, [
      paragraph(
        escapeCardText(
          `Meeting logged: on the timelines of ${records} ${records === 1 ? 'record' : 'records'}.`,
        ),
      ),
    ]);
  }
  if (!canLog) {
    return section(null, [paragraph(escapeCardText('Nobody on this meeting is in the CRM yet.'))]);
  }
  return section(null, [
    paragraph(escapeCardText('Not logged yet. Logging records it once for everyone on it.')),
    buttons(button('Log meeting', context.actions.call('log-meeting'), 'FILLED')),
  ]);
}

export interface MeetingCardInput {
  meeting: CalendarEvent;
  logged: Activity | null;
  /** The CRM's view of the guests from outside (the best match in full); null when there are none. */
  result: LookupResult | null;
  /** Whether any guest's contact or account is in the CRM, so there is something to log it to. */
  canLog: boolean;
  parties: MessageParty[];
}

/** Beside an open Calendar event: when and where, whether it is logged, and the guests' records. */
export function meetingCard(input: MeetingCardInput, context: ViewContext, where: CardLocale): Card {
  const { meeting, result } = input;
  const header = {
    title: meeting.subject.trim() || 'Meeting',
    subtitle: joinParts(formatSpan(meeting.startsAt, meeting.endsAt, where), meeting.location),
  };
  if (!result) {
    return card(header, [
      logSection(input.logged, false, context),
      section(null, [paragraph(escapeCardText('Nobody from outside your organisation is invited.'))]),
    ]);
  }
  const displayName = input.parties.find((party) => party.email === result.address)?.name ?? null;
  const person = titleOf(result, displayName);
  return card(header, [
    logSection(input.logged, input.canLog, context),
    section(null, [
      paragraph(
        `<b>${escapeCardText(person.title)}</b>${person.subtitle ? `<br>${escapeCardText(person.subtitle)}` : ''}`,
      ),
    ]),
    ...senderSections(result, context, where, {
      filing: false,
      displayName,
      parties: input.parties,
      on: 'meeting',
    }),
  ]);
}
