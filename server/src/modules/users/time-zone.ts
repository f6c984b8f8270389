import { IANAZone } from 'luxon';
import { ValidationFailed } from '../../errors.js';

/** The zone's name if the server knows it (from the ICU data Node ships); otherwise a 400 naming it. */
export function knownTimeZone(
  name: string,
  field = 'timeZone',
  where: 'body' | 'querystring' = 'body',
): string {
  if (!IANAZone.isValidZone(name)) {
    throw new ValidationFailed(`${name} is not a time zone this server knows, e.g. Europe/Berlin.`, [
      { in: where, field },
    ]);
  }
  return name;
}
