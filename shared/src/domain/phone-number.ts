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
