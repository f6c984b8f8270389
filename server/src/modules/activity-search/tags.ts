import type { ActivityType } from '@inbox-crm/shared';

// A tag is a lexeme no folded word can be (words hold letters and digits only; a tag has a dot
// after its letter), so that a filter is one more term of the same GIN scan as the words. Tags
// carry no positions and are left out of ranking. Their text uses letters, digits and `@._+-%`
// alone, so a tsquery holding them can be written into a statement without quoting.

/** `%XX` for every byte of a character outside a–z, 0–9 and `@._+-`. */
function encoded(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9@._+-]/gu, (char) =>
      [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''),
    );
}

export const searchTags = {
  kind: (type: ActivityType) => `k.${type}`,
  /** A record it is filed to. */
  record: (id: string) => `r.${id}`,
  /** Its owner, or a person who filed it to a record. */
  filer: (userId: string) => `u.${userId}`,
  /** A sender's or recipient's address. */
  address: (email: string) => `p.${encoded(email)}`,
  /** A sender's or recipient's domain: the host, and its registrable domain. */
  domain: (host: string) => `d.${encoded(host)}`,
  attachments: 'a.files',
};

/** The longest tag kept (PostgreSQL refuses a lexeme past 2,046 bytes); a longer address is not filterable. */
const MAX_TAG_BYTES = 512;

/** Whether a tag is short enough to index and to search for. */
export const fitsIndex = (tag: string) => tag.length <= MAX_TAG_BYTES;
