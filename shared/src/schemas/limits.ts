// Plain numbers, apart from the schemas, so that browser pages can check them without TypeBox.
export const MAX_RECIPIENTS = 500;
/** Addresses one POST /lookup takes: every party a message that can be filed may carry. */
export const MAX_LOOKUP_ADDRESSES = 1 + 2 * MAX_RECIPIENTS;
/** Addresses GET /lookup takes (a URL stays short); more go in a POST. */
export const MAX_LOOKUP_ADDRESSES_IN_QUERY = 50;
export const MAX_ATTACHMENTS = 100;
export const MAX_BODY_TEXT = 1_000_000;
export const MAX_BODY_HTML = 3_000_000;
/** Request body limit of POST /emails without attachment content: both bodies at their maximum plus headers fit. */
export const EMAIL_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
/** The most attachment content one filing may carry, in bytes, whatever a deployment allows per file. */
export const MAX_ATTACHMENT_CONTENT_PER_EMAIL = 100 * 1024 * 1024;
/** How many matches a relevance-ranked correspondence search weighs (the newest this many); `sort=newest` pages past them. */
export const RANKED_MATCHES_CAP = 200;
/** A calendar invites at most this many people at once (Outlook's own limit is 500). */
export const MAX_MEETING_ATTENDEES = 500;
/** The longest subject and place a logged meeting keeps. */
export const MAX_MEETING_TEXT = 500;
