import type { Db } from '../../db/types.js';
import {
  AttachmentStorageFull,
  receiveFileBytes,
  type AttachmentEntry,
  type ReceivedAttachment,
} from './attachment-intake.js';
import type { AttachmentLimits } from './attachment-limits.js';
import { postgresContentStore, type ContentStore } from './content-store.js';
import { referContents, storedBytes, usesContent } from './repository.js';
import { StorageUsage } from './storage-usage.js';

export { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from './attachment-limits.js';
export {
  receiveAttachments,
  receiveFileBytes,
  AttachmentTooLarge,
  AttachmentStorageFull,
  type AttachmentEntry,
  type ReceivedAttachment,
} from './attachment-intake.js';

const store: ContentStore = postgresContentStore;
const usage = new StorageUsage(storedBytes);

/** Refuses, naming the first file that would not fit, a filing whose new content would take the organisation past its limit. */
export async function checkRoomFor(
  db: Db,
  orgId: string,
  attachments: readonly ReceivedAttachment[],
  limits: AttachmentLimits,
): Promise<void> {
  if (attachments.every((attachment) => attachment.content === null)) return;
  const before = await usage.bytes(db, orgId);
  let after = before;
  for (const { entry, content } of attachments) {
    if (content === null) continue;
    after += content.bytes.length;
    if (after > limits.perOrganisationBytes)
      throw new AttachmentStorageFull(entry.name, limits.perOrganisationBytes);
  }
  usage.add(orgId, after - before);
}

/**
 * Files read from a message, with their content, or by name only when they would not fit the
 * organisation's room: mail that arrives on its own (a support mailbox, an archive) is kept either way.
 */
export async function receiveFilesWithinRoom(
  db: Db,
  orgId: string,
  files: ReadonlyArray<{
    name: string;
    contentType: string;
    inline: boolean;
    contentId: string | null;
    content: Buffer;
  }>,
  limits: AttachmentLimits,
): Promise<ReceivedAttachment[]> {
  const received = files.map((file) => receiveFileBytes(file, file.content, limits));
  try {
    await checkRoomFor(db, orgId, received, limits);
    return received;
  } catch (error) {
    if (!(error instanceof AttachmentStorageFull)) throw error;
    return received.map((file) => ({ entry: { ...file.entry, sha256: null }, content: null }));
  }
}

/** Keeps the contents an email's attachments carry (each distinct one once) and records that it uses them. */
export async function keepAttachmentContents(
  trx: Db,
  orgId: string,
  activityId: string,
  attachments: readonly ReceivedAttachment[],
): Promise<void> {
  const distinct = new Map<string, { sha256: Buffer; bytes: Buffer }>();
  for (const { content } of attachments) if (content) distinct.set(content.sha256.toString('hex'), content);
  for (const content of distinct.values()) await store.keep(trx, orgId, content);
  await referContents(
    trx,
    orgId,
    activityId,
    [...distinct.values()].map((content) => content.sha256),
  );
}

/** The content of one of an email's attachments, or null when only its name is kept. */
export async function attachmentContent(
  db: Db,
  orgId: string,
  activityId: string,
  entry: AttachmentEntry,
): Promise<Buffer | null> {
  if (!entry.sha256) return null;
  const sha256 = Buffer.from(entry.sha256, 'hex');
  if (!(await usesContent(db, orgId, activityId, sha256))) return null;
  return store.read(db, orgId, sha256);
}
