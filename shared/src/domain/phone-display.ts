import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

// Kept out of the client entry: its metadata (about 20 KB gzipped) is for the console, which loads
// on its own, and must not weigh down the Outlook pane.

/** A stored E.164 number as people read it, `+44 20 7183 8750`; the text unchanged if unreadable. */
export function formatPhoneForReading(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
