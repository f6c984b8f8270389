import { Type, type Static } from 'typebox';
import { Activity, MAX_LINKS } from './activities.js';
import { IsoDateTime, Nullable, RecordRef, strict, Uuid } from './common.js';
import { Participant, ParticipantInput } from './emails.js';
import { MAX_MEETING_ATTENDEES, MAX_MEETING_TEXT } from './limits.js';

export const MEETING_SOURCES = ['outlook', 'google-calendar'] as const;
export const MeetingSource = Type.Enum(MEETING_SOURCES);

const OccurrenceKey = Type.String({
  minLength: 3,
  maxLength: 400,
  description: 'the organiser’s address and the start, as meetingOccurrenceKey makes it',
});

/**
 * A meeting from a calendar, logged once per occurrence however many attendees log it: the server
 * names the occurrence by its organiser and start (meetingOccurrenceKey).
 */
export const MeetingLog = Type.Object(
  {
    subject: Type.String({ maxLength: MAX_MEETING_TEXT }),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    organizer: Nullable(ParticipantInput),
    attendees: Type.Array(ParticipantInput, { maxItems: MAX_MEETING_ATTENDEES }),
    location: Type.Optional(Nullable(Type.String({ maxLength: MAX_MEETING_TEXT }))),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 100_000 }))),
    links: Type.Optional(Type.Array(RecordRef, { maxItems: MAX_LINKS })),
    private: Type.Optional(
      Type.Boolean({
        description:
          'log it for the caller only; when the organisation has logged this occurrence already, that meeting is answered and stays as it is',
      }),
    ),
    source: MeetingSource,
  },
  strict,
);
export type MeetingLog = Static<typeof MeetingLog>;

/** Someone on the meeting, and the contact their address belongs to. */
export const MeetingAttendee = Type.Object({ ...Participant.properties, contactId: Nullable(Uuid) });
export type MeetingAttendee = Static<typeof MeetingAttendee>;

export const LoggedMeeting = Type.Object({
  activity: Activity,
  /** False when this occurrence was logged already (by anyone, or privately by the caller): nothing new was made. */
  created: Type.Boolean(),
  attendees: Type.Array(MeetingAttendee),
});
export type LoggedMeeting = Static<typeof LoggedMeeting>;

export const MeetingQuery = Type.Object({ occurrenceKey: OccurrenceKey }, strict);
export type MeetingQuery = Static<typeof MeetingQuery>;

export const MeetingStatus = Type.Object({ activity: Nullable(Activity) });
export type MeetingStatus = Static<typeof MeetingStatus>;
