import { isOwnAddress, normalizeEmail, type MeetingLog } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { Unprocessable } from '../../errors.js';
import { suppressedAddresses, suppressedPeopleRedactor } from '../privacy/index.js';

/**
 * A meeting with the people on the suppression list taken out, as a filed email has them taken
 * out: they leave the organiser and the attendees, and their addresses and names leave its subject,
 * place and notes. A meeting with nobody else from outside is refused: it would be theirs alone.
 */
export async function withoutSuppressedAttendees(
  db: Db,
  orgId: string,
  input: MeetingLog,
  ownDomains: readonly string[],
): Promise<MeetingLog> {
  const people = [...(input.organizer ? [input.organizer] : []), ...input.attendees];
  const suppressed = await suppressedAddresses(
    db,
    orgId,
    people.map((person) => person.email),
  );
  if (suppressed.size === 0) return input;
  const isSuppressed = (person: { email: string }) => suppressed.has(normalizeEmail(person.email));
  if (people.every((person) => isSuppressed(person) || isOwnAddress(person.email, ownDomains))) {
    throw new Unprocessable(
      'suppressed',
      'Everyone from outside on this meeting asked to be forgotten, so it is not logged.',
    );
  }
  const names = people.filter(isSuppressed).flatMap((person) => (person.name ? [person.name] : []));
  const redact = suppressedPeopleRedactor([...suppressed], names);
  return {
    ...input,
    // The occurrence is then known by its subject and time, as one without an organiser is.
    organizer: input.organizer && !isSuppressed(input.organizer) ? input.organizer : null,
    attendees: input.attendees.filter((person) => !isSuppressed(person)),
    subject: redact(input.subject),
    ...(input.location ? { location: redact(input.location) } : {}),
    ...(input.notes ? { notes: redact(input.notes) } : {}),
  };
}
