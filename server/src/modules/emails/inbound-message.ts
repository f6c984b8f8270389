import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import {
  isEmailAddress,
  MAX_ATTACHMENTS,
  MAX_BODY_HTML,
  MAX_BODY_TEXT,
  MAX_RECIPIENTS,
  normalizeEmail,
  normalizeMessageId,
  parseReferences,
} from '@inbox-crm/shared';
import { storableString } from '../../http/storable-text.js';

export interface InboundParticipant {
  email: string;
  name: string | null;
}

export interface InboundFile {
  name: string;
  contentType: string;
  inline: boolean;
  contentId: string | null;
  content: Buffer;
}

/** A message fetched from a support mailbox, read into what the CRM keeps of it. */
export interface InboundMessage {
  messageId: string | null;
  inReplyTo: string | null;
  /** The References chain, oldest first. */
  references: string[];
  subject: string;
  from: InboundParticipant;
  to: InboundParticipant[];
  cc: InboundParticipant[];
  /** ISO 8601: the Date header when it is sensible, otherwise when the mailbox received it. */
  sentAt: string;
  text: string | null;
  html: string | null;
  files: InboundFile[];
  /** Header values by lower-case name (the first of each), for the loop guards and routing. */
  headers: ReadonlyMap<string, string>;
}

/** A message the CRM cannot make a case of; `reason` is a sentence for admins. */
export class UnreadableMessage extends Error {
  /** `subject`: what the message calls itself, when that much could be read, for the admins' list. */
  constructor(
    readonly reason: string,
    readonly subject: string | null = null,
  ) {
    super(reason);
    this.name = 'UnreadableMessage';
  }
}

const MESSAGE_ID_LENGTH = 998;

/** Text as PostgreSQL can store it (mail carries NUL and broken UTF-16 now and then), cut to a length. */
const storable = (text: string, length: number) => storableString(text.slice(0, length));

function participants(field: AddressObject | AddressObject[] | undefined): InboundParticipant[] {
  const groups = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const people: InboundParticipant[] = [];
  for (const entry of groups.flatMap((group) => group.value)) {
    // A group ("Team: a@x, b@y;") lists its members.
    for (const person of entry.group ?? [entry]) {
      if (person.address && isEmailAddress(person.address)) {
        const name = person.name ? storable(person.name, 300).trim() : '';
        people.push({ email: normalizeEmail(storableString(person.address)), name: name || null });
      }
    }
  }
  return people;
}

const usableId = (id: string | null): id is string =>
  id !== null && id.length <= MESSAGE_ID_LENGTH && !/\s/.test(id);

const messageIdOf = (value: string | undefined) => {
  // Longer than any real one: refused before it is read further.
  if (value === undefined || value.length > 2 * MESSAGE_ID_LENGTH) return null;
  const id = normalizeMessageId(storableString(value));
  return usableId(id) ? id : null;
};

/** The last 200 ids of a References chain; a chain longer than 200 real ids is cut from its start. */
const referencesOf = (value: string | string[] | undefined) => {
  const chain = value === undefined ? '' : Array.isArray(value) ? value.join(' ') : value;
  return parseReferences(storableString(chain.slice(-200 * (MESSAGE_ID_LENGTH + 3))))
    .filter(usableId)
    .slice(-200);
};

/**
 * Header values by lower-case name (the first of each) as the message has them, unfolded: mailparser's
 * parsed headers rename and reshape some (X-Priority becomes priority, List-Id an object, an empty
 * Return-Path an empty string), and the loop guards and routing rules need them as sent.
 */
function headersOf(parsed: ParsedMail): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    const name = key.toLowerCase();
    if (headers.has(name)) continue;
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    headers.set(name, storable(value, 2000));
  }
  return headers;
}

/** The Date header unless it is missing or beyond tomorrow (a wrong clock); else when the mailbox got it. */
function sentAtOf(date: Date | undefined, receivedAt: Date): string {
  const latest = receivedAt.getTime() + 24 * 3_600_000;
  return date && !Number.isNaN(date.getTime()) && date.getTime() <= latest
    ? date.toISOString()
    : receivedAt.toISOString();
}

/**
 * Reads a message's raw source. mailparser forgives most broken structure (a missing closing
 * boundary, a wrong charset): whatever text it finds is kept. What cannot become a case is a
 * message without a sender address.
 */
export async function readInboundMessage(source: Buffer, receivedAt: Date): Promise<InboundMessage> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  } catch (error) {
    throw new UnreadableMessage(`Its structure could not be read (${(error as Error).message}).`);
  }
  const subject = storable(parsed.subject ?? '', 4000)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 2000);
  const [from] = participants(parsed.from);
  if (!from) throw new UnreadableMessage('It has no sender address that can be read.', subject || null);
  const html = typeof parsed.html === 'string' ? parsed.html : null;
  return {
    messageId: messageIdOf(parsed.messageId),
    inReplyTo: messageIdOf(parsed.inReplyTo),
    references: referencesOf(parsed.references),
    subject,
    from,
    to: participants(parsed.to).slice(0, MAX_RECIPIENTS),
    cc: participants(parsed.cc).slice(0, MAX_RECIPIENTS),
    sentAt: sentAtOf(parsed.date, receivedAt),
    text: parsed.text === undefined ? null : storable(parsed.text, MAX_BODY_TEXT),
    html: html && html.length <= MAX_BODY_HTML ? storableString(html) : null,
    files: parsed.attachments.slice(0, MAX_ATTACHMENTS).map((attachment) => ({
      name: storable(attachment.filename ?? 'attachment', 500),
      contentType: storable(attachment.contentType, 255),
      inline: attachment.related === true || attachment.contentDisposition === 'inline',
      contentId: attachment.contentId ? storable(attachment.contentId, 998) : null,
      content: attachment.content,
    })),
    headers: headersOf(parsed),
  };
}
