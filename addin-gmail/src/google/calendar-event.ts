import { calendar, type calendar_v3 } from '@googleapis/calendar';
import { OAuth2Client } from 'google-auth-library';
import type { CalendarMeeting, MessageParty } from '@inbox-crm/shared';
import type { AddOnEvent } from './add-on-event.js';

/** The open Calendar event, as the meeting card and "Log meeting" need it. */
export interface CalendarEvent extends CalendarMeeting {
  location: string | null;
}

/** Google did not hand over the event: the token expired, access was refused, or Calendar failed. */
export class CalendarUnavailable extends Error {
  constructor(readonly status: number | null) {
    super(`Google Calendar did not hand over the event${status ? ` (${status})` : ''}.`);
  }
}

/** Longer than Calendar takes to answer, shorter than Google waits for a card. */
const CALENDAR_TIMEOUT_MS = 10_000;

export interface CalendarReader {
  event(): Promise<CalendarEvent>;
}

const partyOf = (person: { email?: string | null; displayName?: string | null }): MessageParty | null =>
  person.email ? { email: person.email.toLowerCase(), name: person.displayName || null } : null;

/** A start or end as an instant: an all-day event's day begins at midnight UTC. */
function instantOf(time: calendar_v3.Schema$EventDateTime | undefined): string {
  if (time?.dateTime) return new Date(time.dateTime).toISOString();
  if (time?.date) return new Date(`${time.date}T00:00:00Z`).toISOString();
  throw new CalendarUnavailable(null);
}

export function eventOf(data: calendar_v3.Schema$Event): CalendarEvent {
  return {
    subject: data.summary ?? '',
    startsAt: instantOf(data.start),
    endsAt: instantOf(data.end),
    organizer: data.organizer ? partyOf(data.organizer) : null,
    // Rooms and equipment are guests too; they are nobody to look up.
    attendees: (data.attendees ?? [])
      .filter((guest) => !guest.resource)
      .map(partyOf)
      .filter((party): party is MessageParty => party !== null),
    location: data.location || null,
  };
}

function statusOf(error: unknown): number | null {
  const status =
    (error as { status?: unknown }).status ?? (error as { response?: { status?: unknown } }).response?.status;
  return typeof status === 'number' ? status : null;
}

/**
 * Reads the Calendar event the add-on was opened beside through the Calendar API with the user's
 * OAuth token (scope calendar.events.readonly): the event object names it but carries no times or
 * title. Null when the event concerns no Calendar event.
 */
export function calendarReader(event: AddOnEvent): CalendarReader | null {
  const calendarId = event.calendar?.calendarId;
  const eventId = event.calendar?.id;
  const userToken = event.authorizationEventObject?.userOAuthToken;
  if (!calendarId || !eventId || !userToken) return null;
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: userToken });
  const api = calendar({ version: 'v3', auth });
  return {
    async event() {
      try {
        return eventOf(
          (await api.events.get({ calendarId, eventId }, { timeout: CALENDAR_TIMEOUT_MS })).data,
        );
      } catch (error) {
        if (error instanceof CalendarUnavailable) throw error;
        throw new CalendarUnavailable(statusOf(error));
      }
    },
  };
}
