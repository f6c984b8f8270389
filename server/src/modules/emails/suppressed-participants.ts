import { isOwnAddress, normalizeEmail } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { Unprocessable } from '../../errors.js';
import { ERASED_ADDRESS, suppressedAddresses, suppressedPeopleRedactor } from '../privacy/index.js';
import type { FilingInput } from './filing-input.js';

/**
 * A filing with the people on the suppression list taken out: their addresses become the erased
 * address, and their addresses and the names the message gives them leave its subject, bodies and
 * attachment names. A message with nobody else from outside is refused: it would be theirs alone.
 */
export async function withoutSuppressed(
  db: Db,
  orgId: string,
  input: FilingInput,
  ownDomains: readonly string[],
): Promise<FilingInput> {
  const people = [input.from, ...input.to, ...(input.cc ?? [])];
  const suppressed = await suppressedAddresses(
    db,
    orgId,
    people.map((person) => person.email),
  );
  if (suppressed.size === 0) return input;
  const isSuppressed = (person: { email: string }) => suppressed.has(normalizeEmail(person.email));
  const others = people.filter((person) => !isSuppressed(person) && !isOwnAddress(person.email, ownDomains));
  if (others.length === 0) {
    throw new Unprocessable(
      'suppressed',
      'Everyone from outside on this message asked to be forgotten, so it is not filed.',
    );
  }
  const names = people.filter(isSuppressed).flatMap((person) => (person.name ? [person.name] : []));
  const redact = suppressedPeopleRedactor([...suppressed], names);
  const person = <P extends { email: string; name?: string | null | undefined }>(participant: P) =>
    isSuppressed(participant)
      ? { ...participant, email: ERASED_ADDRESS, name: null }
      : { ...participant, ...(participant.name ? { name: redact(participant.name) } : {}) };
  return {
    ...input,
    from: person(input.from),
    to: input.to.map(person),
    ...(input.cc ? { cc: input.cc.map(person) } : {}),
    subject: redact(input.subject),
    ...(input.bodyText ? { bodyText: redact(input.bodyText) } : {}),
    ...(input.bodyHtml ? { bodyHtml: redact(input.bodyHtml) } : {}),
    ...(input.attachments
      ? { attachments: input.attachments.map((file) => ({ ...file, name: redact(file.name) })) }
      : {}),
  };
}
