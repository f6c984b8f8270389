import nock from 'nock';

const CALENDAR = 'https://www.googleapis.com';

/** A Calendar event as the Calendar API answers events.get (the fields the add-on reads). */
export interface RecordedEvent {
  calendarId: string;
  id: string;
  summary: string;
  start: { dateTime?: string; date?: string; timeZone?: string };
  end: { dateTime?: string; date?: string; timeZone?: string };
  location?: string;
  organizer: { email: string; displayName?: string };
  attendees: { email: string; displayName?: string; resource?: boolean; self?: boolean }[];
}

/**
 * The Calendar API answering events.get for a recorded event, only with the user's OAuth token;
 * answers `status` instead when set. `reads` counts the calls.
 */
export function fakeCalendarApi(event: RecordedEvent, oauthToken: string, options: { status?: number } = {}) {
  const reads = { count: 0 };
  nock(CALENDAR, { reqheaders: { authorization: `Bearer ${oauthToken}` } })
    .persist()
    .get(
      `/calendar/v3/calendars/${encodeURIComponent(event.calendarId)}/events/${encodeURIComponent(event.id)}`,
    )
    .reply(() => {
      reads.count += 1;
      if (options.status) return [options.status, { error: { code: options.status, message: 'refused' } }];
      return [200, { kind: 'calendar#event', status: 'confirmed', ...event }];
    });
  return { reads };
}
