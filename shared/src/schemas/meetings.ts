import { Type, type Static } from 'typebox';
import { Activity, MAX_LINKS } from './activities.js';
import { IsoDateTime, Nullable, RecordRef, strict, Uuid } from './common.js';
import { Participant, ParticipantInput } from './emails.js';

export const MEETING_SOURCES = ['outlook', 'google-calendar'] as const;
export const MeetingSource = Type.Enum(MEETING_SOURCES);

/** A calendar invites at most this many people at once (Outlook's own limit is 500). */
export const MAX_MEETING_ATTENDEES = 500;

const OccurrenceKey = Type.String({
  minLength: 3,
  maxLength: 400,
  description: 'the organiser’s address and the start, as meetingOccurrenceKey makes it',
});

/** A meeting from a calendar, logged once per occurrence however many attendees log it. */
export const MeetingLog = Type.Object(
  {
    occurrenceKey: OccurrenceKey,
    subject: Type.String({ maxLength: 500 }),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    organizer: Nullable(ParticipantInput),
    attendees: Type.Array(ParticipantInput, { maxItems: MAX_MEETING_ATTENDEES }),
    location: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 100_000 }))),
    links: Type.Optional(Type.Array(RecordRef, { maxItems: MAX_LINKS })),
    private: Type.Optional(Type.Boolean()),
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
  /** False when this occurrence was logged already (by anyone): nothing new was made. */
  created: Type.Boolean(),
  attendees: Type.Array(MeetingAttendee),
});
export type LoggedMeeting = Static<typeof LoggedMeeting>;

export const MeetingQuery = Type.Object({ occurrenceKey: OccurrenceKey }, strict);
export type MeetingQuery = Static<typeof MeetingQuery>;

export const MeetingStatus = Type.Object({ activity: Nullable(Activity) });
export type MeetingStatus = Static<typeof MeetingStatus>;
