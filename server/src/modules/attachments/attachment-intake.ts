import { createHash } from 'node:crypto';
import type { AttachmentInput } from '@inbox-crm/shared';
import { DomainError, ValidationFailed } from '../../errors.js';
import type { AttachmentLimits } from './attachment-limits.js';

/** An attachment as `email_messages.attachments` keeps it; `sha256` (hex) names its kept content. */
export interface AttachmentEntry {
  name: string;
  contentType: string;
  size: number;
  inline: boolean;
  contentId: string | null;
  sha256: string | null;
}

/** An attachment ready to keep: its entry, and its content when the filing carried it. */
export interface ReceivedAttachment {
  entry: AttachmentEntry;
  content: { sha256: Buffer; bytes: Buffer } | null;
}

const megabytes = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export class AttachmentTooLarge extends DomainError {
  constructor(name: string, size: number, limit: number) {
    super(
      'attachment_too_large',
      `"${name}" is ${megabytes(size)}; files over ${megabytes(limit)} are kept by name only. File it without its content, or ask an admin to raise ATTACHMENT_MAX_BYTES.`,
      [{ name, size, limit }],
    );
  }
}

export class AttachmentStorageFull extends DomainError {
  constructor(name: string, limit: number) {
    super(
      'attachment_storage_full',
      `Keeping "${name}" would take your organisation past its ${megabytes(limit)} of attachments. File it without its content, or ask an admin for more room.`,
      [{ name, limit }],
    );
  }
}

// type/subtype as RFC 6838 names them; parameters (`; name=…`) are dropped, anything else is unknown.
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** The file's media type as a download may name it: a valid type/subtype, or application/octet-stream. */
function mediaType(raw: string): string {
  const type = raw.split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPE.test(type) ? type : 'application/octet-stream';
}

const withoutBrackets = (id: string | null | undefined) => id?.trim().replace(/^<|>$/g, '') || null;

/**
 * Reads each attachment of a filing: its content decoded and hashed when it came with one, refused
 * by name when a file is over the per-file limit or is not base64. Only the names, types and sizes
 * of those without content are kept.
 */
export function receiveAttachments(
  inputs: readonly AttachmentInput[],
  limits: AttachmentLimits,
): ReceivedAttachment[] {
  return inputs.map((input) => {
    const entry: AttachmentEntry = {
      name: input.name.trim() || 'attachment',
      contentType: mediaType(input.contentType),
      size: input.size,
      inline: input.inline ?? false,
      contentId: withoutBrackets(input.contentId),
      sha256: null,
    };
    if (input.content === undefined) return { entry, content: null };
    // Its size is known from the text's length: an oversized file is refused before it is decoded.
    const size = Buffer.byteLength(input.content, 'base64');
    if (size > limits.perFileBytes) throw new AttachmentTooLarge(entry.name, size, limits.perFileBytes);
    const bytes = Buffer.from(input.content, 'base64');
    // Decoding skips what is not base64: fewer bytes than its length promises means it was not.
    if (bytes.length !== size) {
      throw new ValidationFailed(`The content of "${entry.name}" is not base64 (without line breaks).`, [
        { path: '/attachments/content', name: entry.name },
      ]);
    }
    const sha256 = createHash('sha256').update(bytes).digest();
    return {
      entry: { ...entry, size: bytes.length, sha256: sha256.toString('hex') },
      content: { sha256, bytes },
    };
  });
}

/** A file read from a message the server fetched itself; over the per-file limit, its name is kept alone. */
export function receiveFileBytes(
  file: { name: string; contentType: string; inline: boolean; contentId: string | null },
  bytes: Buffer,
  limits: AttachmentLimits,
): ReceivedAttachment {
  const entry: AttachmentEntry = {
    name: file.name.trim() || 'attachment',
    contentType: mediaType(file.contentType),
    size: bytes.length,
    inline: file.inline,
    contentId: withoutBrackets(file.contentId),
    sha256: null,
  };
  if (bytes.length > limits.perFileBytes) return { entry, content: null };
  const sha256 = createHash('sha256').update(bytes).digest();
  return { entry: { ...entry, sha256: sha256.toString('hex') }, content: { sha256, bytes } };
}
