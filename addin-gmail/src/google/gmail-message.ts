import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';
import libmime from 'libmime';
import {
  parseAddressHeader,
  simpleParser,
  type AddressObject,
  type EmailAddress,
  type ParsedMail,
} from 'mailparser';
import type { AttachmentInput, MessageParty } from '@inbox-crm/shared';
import type { AddOnEvent } from './add-on-event.js';

/** The headers the message card needs; Gmail sends only these with format=metadata. */
const METADATA_HEADERS = ['From', 'To', 'Cc', 'Subject', 'Date', 'Message-ID', 'In-Reply-To', 'References'];

export interface GmailMessage {
  /** Gmail's own id: it names the message in this mailbox only. */
  gmailId: string;
  /** The RFC 5322 Message-ID without angle brackets: the message's identity everywhere. */
  messageId: string | null;
  subject: string;
  from: MessageParty | null;
  to: MessageParty[];
  cc: MessageParty[];
  sentAt: string;
  inReplyTo: string | null;
  references: string[];
}

export interface GmailMessageContent extends GmailMessage {
  bodyText: string | null;
  bodyHtml: string | null;
  /** Every attachment with its content, inline images (shown by the HTML through `cid:`) included. */
  attachments: AttachmentInput[];
}

/** Gmail did not hand over the message: the token expired, access was refused, or Gmail failed. */
export class GmailUnavailable extends Error {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

export interface GmailReader {
  /** The open message's headers (format=metadata): what opening the card needs. */
  headers(): Promise<GmailMessage>;
  /** The whole message (format=raw), parsed: what filing needs. */
  content(): Promise<GmailMessageContent>;
}

function partiesOf(field: AddressObject | AddressObject[] | undefined): MessageParty[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const flatten = (address: EmailAddress): EmailAddress[] =>
    address.group ? address.group.flatMap(flatten) : [address];
  return objects
    .flatMap((object) => object.value.flatMap(flatten))
    .filter((address) => address.address)
    .map((address) => ({ email: address.address!.toLowerCase(), name: address.name || null }));
}

const withoutBrackets = (id: string) => id.trim().replace(/^<|>$/g, '');

/** The message's Date, else (missing or unreadable) the moment Gmail received it. */
function sentAtOf(dateText: string | undefined, data: gmail_v1.Schema$Message): string {
  const date = new Date(dateText ?? '');
  if (!isNaN(date.getTime())) return date.toISOString();
  return (data.internalDate ? new Date(Number(data.internalDate)) : new Date()).toISOString();
}

/** A header's value as the message has it (the first, unfolded), for what mailparser would replace. */
function headerText(parsed: ParsedMail, key: string): string | undefined {
  const line = parsed.headerLines.find((header) => header.key === key)?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\s+/g, ' ')
    .trim();
}

function messageOf(parsed: ParsedMail, data: gmail_v1.Schema$Message): GmailMessage {
  const references = parsed.references === undefined ? [] : [parsed.references].flat();
  return {
    gmailId: data.id ?? '',
    messageId: parsed.messageId ? withoutBrackets(parsed.messageId) : null,
    subject: parsed.subject ?? '',
    from: partiesOf(parsed.from)[0] ?? null,
    to: partiesOf(parsed.to),
    cc: partiesOf(parsed.cc),
    // mailparser reads an unreadable Date as the moment it parsed.
    sentAt: sentAtOf(headerText(parsed, 'date'), data),
    inReplyTo: parsed.inReplyTo ? withoutBrackets(parsed.inReplyTo) : null,
    references: references.map(withoutBrackets),
  };
}

/** The values Gmail lists for one header (by lower-case name), in order: a header may come more than once. */
function valuesOf(headers: readonly gmail_v1.Schema$MessagePartHeader[], name: string): string[] {
  return headers
    .filter((header) => header.name?.toLowerCase() === name)
    .map((header) => (header.value ?? '').replace(/[\r\n]+/g, ' ').trim());
}

/** Encoded words decoded, as mailparser decodes a header; a value that does not decode is kept as it is. */
function decoded(value: string): string {
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}

const messageIdOf = (value: string | undefined) => (value ? withoutBrackets(decoded(value)) || null : null);

/**
 * The card's fields from Gmail's header list (format=metadata), read as mailparser reads a whole
 * message's (`messageOf`): addresses by mailparser's own address parser, words decoded by libmime,
 * which mailparser uses. Parsing the list as a message would run a MIME stream for a few lines.
 */
function messageOfHeaders(data: gmail_v1.Schema$Message): GmailMessage {
  const headers = data.payload?.headers ?? [];
  const parties = (name: string) => partiesOf(parseAddressHeader(valuesOf(headers, name)));
  return {
    gmailId: data.id ?? '',
    messageId: messageIdOf(valuesOf(headers, 'message-id')[0]),
    subject: decoded(valuesOf(headers, 'subject')[0] ?? ''),
    // The first From only, as the whole message's parser reads it: a second one is no sender.
    from: partiesOf(parseAddressHeader(valuesOf(headers, 'from')[0]))[0] ?? null,
    to: parties('to'),
    cc: parties('cc'),
    sentAt: sentAtOf(valuesOf(headers, 'date')[0], data),
    inReplyTo: messageIdOf(valuesOf(headers, 'in-reply-to')[0]),
    references: valuesOf(headers, 'references')
      .flatMap((value) => decoded(value).split(/\s+/))
      .filter((id) => id !== '')
      .map(withoutBrackets),
  };
}

function statusOf(error: unknown): number | null {
  const status =
    (error as { status?: unknown; response?: { status?: unknown } }).status ??
    (error as { response?: { status?: unknown } }).response?.status;
  return typeof status === 'number' ? status : null;
}

/** The Gmail API's own address. */
export const GMAIL_API_URL = 'https://gmail.googleapis.com/';

/**
 * Reads the message the event is about through the Gmail API (at `apiUrl`), with the user's OAuth token and the
 * per-message access token Gmail put in the event (scope gmail.addons.current.message.readonly).
 * Null when the event concerns no message.
 */
export function gmailReader(event: AddOnEvent, apiUrl = GMAIL_API_URL): GmailReader | null {
  const id = event.gmail?.messageId;
  const messageToken = event.gmail?.accessToken;
  const userToken = event.authorizationEventObject?.userOAuthToken;
  if (!id || !messageToken || !userToken) return null;
  const headers = { 'X-Goog-Gmail-Access-Token': messageToken };
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: userToken });
  const api = gmail({ version: 'v1', auth, rootUrl: apiUrl });

  async function get(params: gmail_v1.Params$Resource$Users$Messages$Get): Promise<gmail_v1.Schema$Message> {
    try {
      const reply = await api.users.messages.get(params, { headers });
      return reply.data;
    } catch (error) {
      const status = statusOf(error);
      throw new GmailUnavailable(
        status,
        `Gmail did not hand over the message${status ? ` (${status})` : ''}.`,
      );
    }
  }

  return {
    async headers() {
      const data = await get({ userId: 'me', id, format: 'metadata', metadataHeaders: METADATA_HEADERS });
      return messageOfHeaders(data);
    },
    async content() {
      const data = await get({ userId: 'me', id, format: 'raw' });
      // Inline images stay cid: links in the body, each kept once as its own attachment.
      const parsed = await simpleParser(Buffer.from(data.raw ?? '', 'base64url'), { keepCidLinks: true });
      return {
        ...messageOf(parsed, data),
        bodyText: parsed.text ?? null,
        bodyHtml: parsed.html || null,
        attachments: parsed.attachments.map((attachment) => ({
          name: attachment.filename ?? 'attachment',
          contentType: attachment.contentType || 'application/octet-stream',
          size: attachment.size,
          inline: attachment.related === true || attachment.contentDisposition === 'inline',
          contentId: attachment.contentId ? withoutBrackets(attachment.contentId) : null,
          content: attachment.content.toString('base64'),
        })),
      };
    },
  };
}
