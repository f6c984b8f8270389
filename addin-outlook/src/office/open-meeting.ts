import { officeAsync } from './office-async.js';
import type { OpenMeeting } from './open-message.js';
import { party } from './read-message.js';

let organizerCounter = 0;

/** A meeting the user was invited to (attendee mode): everything is a property. */
function attendeeMeeting(item: Office.AppointmentRead): OpenMeeting {
  return {
    mode: 'attendee',
    itemKey: item.itemId,
    subject: item.subject,
    startsAt: item.start.toISOString(),
    endsAt: item.end.toISOString(),
    organizer: item.organizer ? party(item.organizer) : null,
    attendees: [...item.requiredAttendees, ...item.optionalAttendees].map(party),
    location: item.location || null,
  };
}

/** A meeting the user organises (organizer mode): every field is read asynchronously. */
async function organizerMeeting(item: Office.AppointmentCompose, userAddress: string): Promise<OpenMeeting> {
  const read = <T>(field: { getAsync(callback: (result: Office.AsyncResult<T>) => void): void }) =>
    officeAsync<T>((done) => field.getAsync(done));
  const [subject, start, end, required, optional, location] = await Promise.all([
    read<string>(item.subject),
    read<Date>(item.start),
    read<Date>(item.end),
    read<Office.EmailAddressDetails[]>(item.requiredAttendees),
    read<Office.EmailAddressDetails[]>(item.optionalAttendees),
    read<string>(item.location),
  ]);
  // The organiser is the user, or the owner of a shared calendar where the host tells it (1.7).
  const organizer =
    typeof item.organizer?.getAsync === 'function'
      ? party(
          await read<Office.EmailAddressDetails>(item.organizer).catch(
            () => ({ emailAddress: userAddress, displayName: '' }) as Office.EmailAddressDetails,
          ),
        )
      : { email: userAddress, name: null };
  organizerCounter += 1;
  return {
    mode: 'organizer',
    itemKey: `meeting-${organizerCounter}`,
    subject,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    organizer,
    attendees: [...required, ...optional].map(party),
    location: location || null,
  };
}

/** The appointment open in the calendar, as the pane shows it beside the meeting. */
export function readMeeting(
  item: Office.AppointmentRead | Office.AppointmentCompose,
  userAddress: string,
): Promise<OpenMeeting> {
  return typeof item.subject === 'string'
    ? Promise.resolve(attendeeMeeting(item as Office.AppointmentRead))
    : organizerMeeting(item as Office.AppointmentCompose, userAddress);
}
