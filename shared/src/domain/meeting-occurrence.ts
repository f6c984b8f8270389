import { normalizeEmail } from './email-address.js';
import { messageCounterparts, type MessageParty } from './message-counterparts.js';

/** A meeting as a calendar shows it to one of its attendees or its organiser. */
export interface CalendarMeeting {
  subject: string;
  /** ISO 8601 */
  startsAt: string;
  endsAt: string;
  organizer: MessageParty | null;
  attendees: readonly MessageParty[];
}

/**
 * One occurrence of a meeting, the same in every attendee's calendar and in Outlook and Google
 * alike: its organiser and its start, to the minute, in UTC. (Each attendee's copy has its own
 * item id, and Office.js gives add-ins no iCalendar UID.) A meeting moved to another time is
 * another occurrence. Without an organiser the subject stands in for one.
 */
export function meetingOccurrenceKey(
  meeting: Pick<CalendarMeeting, 'startsAt' | 'organizer' | 'subject'>,
): string {
  const start = new Date(meeting.startsAt).toISOString().slice(0, 16);
  const who = meeting.organizer
    ? normalizeEmail(meeting.organizer.email)
    : `subject:${meeting.subject.trim().toLowerCase().slice(0, 300)}`;
  return `${who} ${start}Z`;
}

/** The meeting's length in whole minutes, within a day; null when the end is not after the start. */
export function meetingMinutes(meeting: Pick<CalendarMeeting, 'startsAt' | 'endsAt'>): number | null {
  const minutes = Math.round((Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt)) / 60_000);
  return Number.isFinite(minutes) && minutes > 0 ? Math.min(minutes, 24 * 60) : null;
}

/**
 * Who the meeting is with, seen from the calendar it sits in: its organiser first (when that is
 * someone else), then the attendees; the calendar's own addresses left out.
 */
export function meetingCounterparts(
  meeting: Pick<CalendarMeeting, 'organizer' | 'attendees'>,
  calendarAddresses: readonly string[],
): MessageParty[] {
  return messageCounterparts({ from: meeting.organizer, to: meeting.attendees, cc: [] }, calendarAddresses);
}
