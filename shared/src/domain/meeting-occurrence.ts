import { MAX_MEETING_ATTENDEES, MAX_MEETING_TEXT } from '../schemas/limits.js';
import type { MeetingLog } from '../schemas/meetings.js';
import { isEmailAddress, normalizeEmail } from './email-address.js';
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
export function meetingOccurrenceKey(meeting: {
  startsAt: string;
  organizer: { email: string } | null;
  subject: string;
}): string {
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

const NAME_LENGTH = 300;

const usable = (party: MessageParty | null): MessageParty | null =>
  party && isEmailAddress(party.email)
    ? { email: party.email, name: party.name ? party.name.slice(0, NAME_LENGTH) : null }
    : null;

/**
 * The request that logs a calendar's meeting, within the API's limits whatever the calendar holds:
 * a long title or place cut, guests without a usable address left out, at most 500 of them.
 */
export function meetingLogOf(
  meeting: CalendarMeeting & { location: string | null },
  extras: Pick<MeetingLog, 'source'> & Partial<Pick<MeetingLog, 'links' | 'private' | 'notes'>>,
): MeetingLog {
  return {
    subject: meeting.subject.slice(0, MAX_MEETING_TEXT),
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    organizer: usable(meeting.organizer),
    attendees: meeting.attendees
      .map(usable)
      .filter((party): party is MessageParty => party !== null)
      .slice(0, MAX_MEETING_ATTENDEES),
    location: meeting.location ? meeting.location.slice(0, MAX_MEETING_TEXT) : null,
    ...extras,
  };
}
