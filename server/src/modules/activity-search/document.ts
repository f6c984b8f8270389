import { indexedWords, registrableDomain, type ActivityType, type RecordRef } from '@inbox-crm/shared';
import { fitsIndex, searchTags } from './tags.js';

/** An activity as the search index reads it. */
export interface SearchSource {
  id: string;
  type: ActivityType;
  subject: string;
  /** The plain-text body (an email's text part); only its start is indexed on very long ones. */
  body: string | null;
  participants: readonly { email: string; name: string | null }[];
  attachmentNames: readonly string[];
  links: readonly RecordRef[];
  /** Its owner and everyone who filed it to a record. */
  filers: readonly string[];
}

// PostgreSQL's limits on a tsvector: positions up to 16,383, 256 of them per word, 2,046 bytes a
// lexeme, 1 MB in all. Tags are counted first (a filter must hold), then words until the budget is
// spent (a body's end on a very long email is left out); a word past position 16,383 is still
// found, but not as part of a phrase.
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_WORD = 256;
const BYTE_BUDGET = 900_000;
/** What an entry costs besides its text: its header, and the alignment of its positions. */
const ENTRY_OVERHEAD = 8;

type Weight = 'A' | 'B' | 'D';

/** Words with their positions and weights, in the size a tsvector allows. */
class PositionedWords {
  private readonly positions = new Map<string, string[]>();
  private next = 1;
  private bytes: number;

  /** Words after the tags, whose size is spent first. */
  constructor(private readonly tags: ReadonlySet<string>) {
    this.bytes = [...tags].reduce((sum, tag) => sum + Buffer.byteLength(tag) + ENTRY_OVERHEAD, 0);
  }

  /** Adds a field's words after the previous field's, one position apart so no phrase spans both. */
  add(words: readonly string[], weight: Weight): void {
    for (const word of words) {
      const position = `${Math.min(this.next, MAX_POSITION)}${weight === 'D' ? '' : weight}`;
      this.next += 1;
      const list = this.positions.get(word);
      if (list) {
        if (list.length >= MAX_POSITIONS_PER_WORD) continue;
        this.bytes += 2;
        list.push(position);
        continue;
      }
      const size = Buffer.byteLength(word) + ENTRY_OVERHEAD;
      if (this.bytes + size > BYTE_BUDGET) return;
      this.bytes += size;
      this.positions.set(word, [position]);
    }
    this.next += 1;
  }

  /** The tsvector's text: `'word':1A,7 'tag'` (words are letters and digits, tags are quote-free). */
  literal(): string {
    const entries = [...this.positions].map(([word, list]) => `'${word}':${list.join(',')}`);
    for (const tag of this.tags) entries.push(`'${tag}'`);
    return entries.join(' ');
  }
}

/** Participants past this many are found by their words but not by the participant filter. */
const TAGGED_PARTICIPANTS = 200;

function participantTags(participants: SearchSource['participants']): string[] {
  return participants.slice(0, TAGGED_PARTICIPANTS).flatMap(({ email }) => {
    const host = email.slice(email.lastIndexOf('@') + 1);
    const registrable = registrableDomain(host);
    return [
      searchTags.address(email),
      searchTags.domain(host),
      ...(registrable && registrable !== host ? [searchTags.domain(registrable)] : []),
    ];
  });
}

/**
 * The activity's search document as tsvector text: the subject (weight A), the participants' names
 * and addresses and the attachments' names (B), the body (D); and its tags.
 */
export function searchDocument(source: SearchSource): string {
  const tags = new Set(
    [
      searchTags.kind(source.type),
      ...source.links.map((link) => searchTags.record(link.id)),
      ...source.filers.map(searchTags.filer),
      ...participantTags(source.participants),
      ...(source.attachmentNames.length > 0 ? [searchTags.attachments] : []),
    ].filter(fitsIndex),
  );
  const words = new PositionedWords(tags);
  words.add(indexedWords(source.subject), 'A');
  words.add(
    indexedWords(source.participants.map((person) => `${person.name ?? ''} ${person.email}`).join(' ')),
    'B',
  );
  words.add(indexedWords(source.attachmentNames.join(' ')), 'B');
  words.add(indexedWords(source.body ?? ''), 'D');
  return words.literal();
}
