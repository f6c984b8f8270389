import {
  isColleagueOrInvalid,
  MAX_LOOKUP_ADDRESSES,
  meetingCounterparts,
  meetingLogOf,
  meetingOccurrenceKey,
  peopleRecords,
  type LookupResult,
} from '@inbox-crm/shared';
import type { Card } from '../cards/card-model.js';
import type { CalendarEvent } from '../google/calendar-event.js';
import { meetingCard } from '../views/meeting-card.js';
import { noticeCard } from '../views/notice-cards.js';
import { FormProblem } from './form-problem.js';
import type { HandlerContext } from './handler-context.js';
import { lookupAddresses } from './sender-lookup.js';

/** The open event, read from Google Calendar, and the CRM's view of its guests from outside. */
async function openEvent(
  context: HandlerContext,
): Promise<{ meeting: CalendarEvent; result: LookupResult | null } | null> {
  if (!context.calendar) return null;
  const meeting = await context.calendar.event();
  const people = meetingCounterparts(meeting, [context.crm.user.email]).slice(0, MAX_LOOKUP_ADDRESSES);
  const result =
    people.length === 0
      ? null
      : await lookupAddresses(
          context,
          people.map((party) => party.email),
          null,
        );
  return { meeting, result };
}

const customersOf = (result: LookupResult | null) =>
  result ? [result, ...result.others].filter((view) => !isColleagueOrInvalid(view)) : [];

const noEvent = () =>
  noticeCard('Open an event', 'Open a meeting in your calendar to see its guests’ records.');

/** The card beside an open Calendar event: whether it is logged, and its guests' records. */
export async function eventCard(context: HandlerContext): Promise<Card> {
  const opened = await openEvent(context);
  if (!opened) return noEvent();
  const { meeting, result } = opened;
  const status = await context.crm.meetingStatus(meetingOccurrenceKey(meeting));
  return meetingCard(
    {
      meeting,
      result,
      logged: status.activity,
      canLog: peopleRecords(customersOf(result)).length > 0,
      parties: [meeting.organizer, ...meeting.attendees].filter((party) => party !== null),
    },
    context,
    context.where,
  );
}

/** Logs the open event once, linked to its guests' contacts and accounts; answers the news. */
export async function logOpenEvent(context: HandlerContext): Promise<string> {
  const opened = await openEvent(context);
  if (!opened) throw new FormProblem('Open the event again to log it.');
  const { meeting, result } = opened;
  const links = peopleRecords(customersOf(result));
  if (links.length === 0) throw new FormProblem('Nobody on this meeting is in the CRM yet.');
  const logged = await context.crm.logMeeting(meetingLogOf(meeting, { links, source: 'google-calendar' }));
  return logged.created ? 'Meeting logged.' : 'This meeting was logged already.';
}
