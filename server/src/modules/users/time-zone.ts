import { IANAZone } from 'luxon';
import { ValidationFailed } from '../../errors.js';

/**
 * The zone's canonical name if the server knows it (from the ICU data Node ships); otherwise a 400
 * naming it. Canonical, because ICU still accepts names the database's zone list has dropped
 * (US/Pacific-New is America/Los_Angeles), and every zone here ends up in SQL.
 */
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
  return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
}
