import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * A phone number in E.164 (`+442071838750`), or null when the text is not a valid number.
 * Numbers without a country prefix are read as numbers of `defaultCountry`.
 */
export function toE164(raw: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), {
    defaultCountry: defaultCountry.toUpperCase() as CountryCode,
  });
  return parsed?.isValid() ? parsed.number : null;
}

/** The ways people write a stored E.164 number: as stored, international, national (`020 7183 8750`). */
export function phoneSpellings(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? [...new Set([e164, parsed.formatInternational(), parsed.formatNational()])] : [e164];
}
