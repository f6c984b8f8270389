import type { Knex } from 'knex';
import {
  neverFileEntryFor,
  normalizeEmail,
  normalizeMessageId,
  parseReferences,
  type Email,
  type EmailFile,
  type RecordRef,
} from '@inbox-crm/shared';
import type { Actor, AuditActor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { canSeeActivity } from '../../db/visibility.js';
import { DomainError, NotFound, Unprocessable } from '../../errors.js';
import { emit } from '../../events/event-bus.js';
import { recordAudit } from '../audit/index.js';
import {
  activityKind,
  addLinks,
  linkReferences,
  refreshLinks,
  removeLink,
  snippetOf,
} from '../activities/index.js';
import {
  attachmentContent,
  checkRoomFor,
  DEFAULT_ATTACHMENT_LIMITS,
  keepAttachmentContents,
  receiveAttachments,
  type AttachmentLimits,
  type ReceivedAttachment,
} from '../attachments/index.js';
import { mailSettings } from '../organisation/index.js';
import { checkReferences, setRecordDeleted } from '../records/index.js';
import type { FilingInput } from './filing-input.js';
import { messageKey } from './message-key.js';
import { withoutSuppressed } from './suppressed-participants.js';
import * as emails from './repository.js';
import { htmlToText, sanitizeEmailHtml } from './sanitize-email-html.js';

/**
 * Who files: a person, or a support mailbox bringing a message in (no person: `userId` is null, and
 * it may file to any record of its organisation).
 */
export type Filer = Actor | AuditActor;

const personFiling = (filer: Filer): Actor | null => ('role' in filer ? filer : null);

export type { FilingInput };

export interface FilingResult {
  email: Email;
  /** True for the first filing of this message in the organisation (201), false for a re-filing (200). */
  created: boolean;
}

function refuseNeverFile(input: FilingInput, neverFile: readonly string[]): void {
  for (const participant of [input.from, ...input.to, ...(input.cc ?? [])]) {
    const entry = neverFileEntryFor(participant.email, neverFile);
    if (entry !== null) {
      throw new Unprocessable(
        'never_file',
        `Mail with ${normalizeEmail(participant.email)} is never filed: "${entry}" is on your organisation's never-file list.`,
        [{ address: normalizeEmail(participant.email), entry }],
      );
    }
  }
}

const participant = (person: { email: string; name?: string | null | undefined }) => ({
  email: normalizeEmail(person.email),
  name: person.name?.trim() || null,
});

/** What a first filing stored, as the email.filed event carries it (see claimEmail). */
function storedForSubscribers(
  actor: Filer,
  input: FilingInput,
  bodies: { bodyText: string | null },
  attachments: readonly ReceivedAttachment[],
) {
  return {
    subject: input.subject.trim(),
    occurredAt: new Date(input.sentAt),
    ownerId: actor.userId,
    private: input.private ?? false,
    bodyText: bodies.bodyText,
    participants: [input.from, ...input.to, ...(input.cc ?? [])].map(participant),
    attachmentNames: attachments.map((attachment) => attachment.entry.name),
  };
}

class FiledPrivately extends DomainError {
  constructor() {
    super(
      'filed_privately',
      'A colleague filed this message privately, so it stays private to them. Ask them (or an admin) to share it.',
    );
  }
}

/**
 * What a re-filing may do to an email someone filed privately. Knowing a Message-ID proves nothing
 * (every reply carries it), so: its owner, an admin or a participant of the message (their address
 * is its sender, a To or a Cc) may make it public by filing it without `private`; whoever may see it
 * anyway (a manager of the owner's team) adds links and it stays private; anyone else is refused and
 * nothing is written, so their request never returns content they could not already read.
 */
async function privateRefiling(
  trx: Knex.Transaction,
  filer: Filer,
  claim: emails.EmailClaim,
  wantsPublic: boolean,
): Promise<{ makePublic: boolean }> {
  const actor = personFiling(filer);
  // A mailbox adds its links to a private email and leaves it private: nobody is shown anything.
  if (claim.created || !claim.private || actor === null) return { makePublic: false };
  const mayPublish = async () =>
    actor.userId === claim.ownerId ||
    actor.role === 'admin' ||
    (await emails.isParticipant(trx, actor.orgId, claim.id, actor.userId));
  if (wantsPublic && (await mayPublish())) return { makePublic: true };
  if (await canSeeActivity(trx, actor, { private: true, ownerId: claim.ownerId }))
    return { makePublic: false };
  throw new FiledPrivately();
}

/** The bodies as stored: the HTML sanitized, the text given or else drawn from the HTML. */
function storedBodies(input: FilingInput): { bodyHtml: string | null; bodyText: string | null } {
  const bodyHtml = input.bodyHtml ? sanitizeEmailHtml(input.bodyHtml) : null;
  return { bodyHtml, bodyText: input.bodyText ?? (bodyHtml ? htmlToText(bodyHtml) : null) };
}

/**
 * A re-filing by the email's own filer (or an admin) that carries content its first filing could
 * not (an older Outlook keeps names only) adds it to the attachments it matches by position, name,
 * type and size. Nobody else can put other bytes behind a name their colleagues will download.
 */
async function completeAttachments(
  trx: Knex.Transaction,
  orgId: string,
  activityId: string,
  attachments: readonly ReceivedAttachment[],
): Promise<void> {
  if (attachments.every((attachment) => attachment.content === null)) return;
  const entries = await emails.attachmentEntries(trx, orgId, activityId);
  const completed = entries.map((entry, position) => {
    const received = attachments[position];
    const same =
      received?.content &&
      entry.sha256 === null &&
      received.entry.name === entry.name &&
      received.entry.contentType === entry.contentType &&
      received.entry.size === entry.size;
    return same ? { ...entry, sha256: received.entry.sha256 } : entry;
  });
  const added = attachments.filter((_, position) => completed[position] !== entries[position]);
  if (added.length === 0) return;
  await keepAttachmentContents(trx, orgId, activityId, added);
  await emails.updateAttachmentEntries(trx, orgId, activityId, completed);
}

/**
 * The message's one email in the organisation: made on its first filing; else the one there is,
 * brought back if it was deleted, and made public if this filing may and asks to.
 */
async function claimEmail(
  trx: Knex.Transaction,
  actor: Filer,
  input: FilingInput,
  key: string,
  bodies: { bodyHtml: string | null; bodyText: string | null },
  attachments: readonly ReceivedAttachment[],
): Promise<emails.EmailClaim> {
  const isPrivate = input.private ?? false;
  const claim = await emails.claimEmailActivity(trx, {
    org_id: actor.orgId,
    id: newId(),
    message_key: key,
    subject: input.subject.trim(),
    snippet: snippetOf(bodies.bodyText),
    occurred_at: input.sentAt,
    owner_id: actor.userId,
    private: isPrivate,
  });
  // A filing no person asked for (a reply filed with its thread) never touches an email filed before.
  if (input.onlyIfNew && !claim.created) {
    throw new DomainError('conflict', 'This message was filed meanwhile: open it again to see where.');
  }
  if (claim.created) {
    await emails.insertEmailMessage(trx, actor.orgId, claim.id, {
      message_id: normalizeMessageId(input.messageId),
      conversation_id: input.conversationId ?? null,
      in_reply_to: normalizeMessageId(input.inReplyTo),
      references: parseReferences(input.references),
      from_email: normalizeEmail(input.from.email),
      from_name: participant(input.from).name,
      to_recipients: input.to.map(participant),
      cc_recipients: (input.cc ?? []).map(participant),
      sent_at: input.sentAt,
      body_text: bodies.bodyText,
      body_html: bodies.bodyHtml,
      attachments: attachments.map((attachment) => attachment.entry),
      source: input.source,
      mailbox: input.mailbox ? normalizeEmail(input.mailbox) : null,
      filed_by: actor.userId,
      content_removed: input.contentRemoved ?? null,
    });
    await keepAttachmentContents(trx, actor.orgId, claim.id, attachments);
  } else if (actor.userId === claim.ownerId || personFiling(actor)?.role === 'admin') {
    await completeAttachments(trx, actor.orgId, claim.id, attachments);
  }
  const { makePublic } = await privateRefiling(trx, actor, claim, !isPrivate);
  if (claim.deleted || makePublic) {
    await emails.reviveEmail(trx, actor.orgId, claim.id, makePublic);
    await refreshLinks(trx, actor.orgId, claim.id);
  }
  return claim;
}

/**
 * Files a message to records. Idempotent per organisation on the Message-ID (or a derived key):
 * a re-filing, by anyone from any client, adds its links to the one email. What filing sets off
 * (the audit entry, plan stops, rule events) is email.filed's subscribers' to do.
 */
export async function fileEmail(
  db: Knex,
  actor: Actor,
  input: EmailFile,
  limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS,
): Promise<FilingResult> {
  const { filing, attachments } = await checkFiling(db, actor.orgId, input, limits);
  return db.transaction((trx) => fileEmailIn(trx, actor, filing, attachments));
}

/**
 * What a filing is checked against before its transaction: the never-file list, the suppression
 * list (people on it are taken out of the message), the attachment limits and the organisation's
 * room for them. Answers the filing as it may be stored, and its attachments as received.
 */
export async function checkFiling(
  db: Knex,
  orgId: string,
  input: FilingInput,
  limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS,
): Promise<{ filing: FilingInput; attachments: ReceivedAttachment[] }> {
  const settings = await mailSettings(db, orgId);
  refuseNeverFile(input, settings.neverFile);
  const people = await withoutSuppressed(db, orgId, input, settings.ownDomains);
  const filing: FilingInput = settings.metadataOnly
    ? { ...people, bodyText: null, bodyHtml: null, attachments: [], contentRemoved: 'metadata_only' }
    : people;
  const attachments = receiveAttachments(filing.attachments ?? [], limits);
  await checkRoomFor(db, orgId, attachments, limits);
  return { filing, attachments };
}

/** fileEmail's writes, in the caller's transaction, for a filing checked by checkFiling. */
export async function fileEmailIn(
  trx: Knex.Transaction,
  filer: Filer,
  input: FilingInput,
  attachments: readonly ReceivedAttachment[],
): Promise<FilingResult> {
  const { id, created, bodies } = await storeFiling(trx, filer, input, attachments);
  const { email } = (await emails.loadEmail(trx, filer.orgId, id, created ? bodies : undefined))!;
  return { email, created };
}

/** fileEmailIn for work that needs only the email's id: nothing is read back. */
export async function fileEmailIdIn(
  trx: Knex.Transaction,
  filer: Filer,
  input: FilingInput,
  attachments: readonly ReceivedAttachment[],
): Promise<{ id: string; created: boolean }> {
  const { id, created } = await storeFiling(trx, filer, input, attachments);
  return { id, created };
}

async function storeFiling(
  trx: Knex.Transaction,
  filer: Filer,
  input: FilingInput,
  attachments: readonly ReceivedAttachment[],
) {
  const key = messageKey(input);
  const bodies = storedBodies(input);
  // A mailbox links the records it has just found or made in this transaction; a person's links are checked.
  if (personFiling(filer)) await checkReferences(trx, filer.orgId, linkReferences(input.links));
  const claim = await claimEmail(trx, filer, input, key, bodies, attachments);
  const link = { orgId: filer.orgId, activityId: claim.id, userId: filer.userId };
  const added = await addLinks(trx, link, input.links);
  await emit(trx, {
    type: 'email.filed',
    actor: filer,
    email: {
      id: claim.id,
      created: claim.created,
      messageKey: key,
      subject: input.subject,
      fromEmail: normalizeEmail(input.from.email),
      sentAt: new Date(input.sentAt),
      source: input.source,
      mailbox: input.mailbox ?? null,
    },
    addedLinks: added,
    ...(claim.created ? { stored: storedForSubscribers(filer, input, bodies, attachments) } : {}),
  });
  return { id: claim.id, created: claim.created, bodies };
}

async function visibleEmail(db: Knex | Knex.Transaction, actor: Actor, id: string): Promise<Email> {
  const stored = await emails.loadEmail(db, actor.orgId, id);
  if (
    !stored ||
    stored.deleted ||
    !(await canSeeActivity(db, actor, { private: stored.email.private, ownerId: stored.ownerId }))
  ) {
    throw new NotFound('Email');
  }
  return stored.email;
}

export const getEmail = (db: Knex, actor: Actor, id: string) => visibleEmail(db, actor, id);

export async function getEmailByMessageId(db: Knex, actor: Actor, messageId: string): Promise<Email> {
  const key = normalizeMessageId(messageId);
  const id = key === null ? undefined : await emails.findEmailIdByKey(db, actor.orgId, key);
  if (!id) throw new NotFound('An email with that Message-ID');
  return visibleEmail(db, actor, id);
}

/** One attachment of an email the actor may see, with its content; only a kept content downloads. */
export async function getAttachment(
  db: Knex,
  actor: Actor,
  id: string,
  position: number,
): Promise<{ name: string; contentType: string; content: Buffer }> {
  await visibleEmail(db, actor, id);
  const entry = (await emails.attachmentEntries(db, actor.orgId, id))[position];
  if (!entry) throw new NotFound('That attachment');
  const content = await attachmentContent(db, actor.orgId, id, entry);
  if (content === null) {
    throw new DomainError(
      'not_found',
      `Only the name of "${entry.name}" was kept: the mail client that filed it could not read its content.`,
    );
  }
  return { name: entry.name, contentType: entry.contentType, content };
}

/** Unfiles the email from one record; the email itself stays. */
export function unlinkEmail(db: Knex, actor: Actor, id: string, link: RecordRef): Promise<Email> {
  return db.transaction(async (trx) => {
    await visibleEmail(trx, actor, id);
    if (!(await removeLink(trx, actor.orgId, id, link))) throw new NotFound(`A link to that ${link.type}`);
    await recordAudit(trx, actor, 'unfile', 'email', id, { removedLink: link }, null);
    await emit(trx, { type: 'activities.relinked', orgId: actor.orgId, activityIds: [id] });
    return (await emails.loadEmail(trx, actor.orgId, id))!.email;
  });
}

/** Deletes the email (soft: restore through /activities/{id}/restore, or file it again). */
export async function deleteEmail(db: Knex, actor: Actor, id: string): Promise<void> {
  await visibleEmail(db, actor, id);
  await setRecordDeleted(db, actor, activityKind, id, true);
}
