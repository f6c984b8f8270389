import type { Knex } from 'knex';
import {
  accountNameFromDomain,
  caseNumberInSubject,
  emailDomain,
  isFreeMailDomain,
  isOwnAddress,
  nameFromDisplayName,
  registrableDomain,
  type RecordRef,
} from '@inbox-crm/shared';
import { automationActor, type AuditActor } from '../../actor.js';
import { accountHoldingDomain, insertAccountIn } from '../accounts/index.js';
import {
  AttachmentStorageFull,
  checkRoomFor,
  receiveFileBytes,
  type AttachmentLimits,
  type ReceivedAttachment,
} from '../attachments/index.js';
import { findCaseByNumber, loadCase, openCaseIn, reopenCaseIn } from '../cases/index.js';
import { contactHoldingEmail, insertContactIn } from '../contacts/index.js';
import { checkFiling, fileEmailIn, messageKey, type FilingInput } from '../emails/index.js';
import { mailSettings, type MailSettings } from '../organisation/index.js';
import type { InboundMessage } from './inbound-message.js';
import type { IntakeOutcome } from './mail-ledger.js';
import { caseOfMessages, lockMessages, lockSender, senderKnownOnCase } from './thread-repository.js';

/** What the intake needs of the mailbox a message came through. */
export interface IntakeMailbox {
  orgId: string;
  id: string;
  address: string;
  teamId: string | null;
}

export interface IntakeResult {
  outcome: Extract<IntakeOutcome, 'case_opened' | 'case_updated' | 'duplicate'>;
  caseId: string;
  activityId: string;
  messageKey: string;
}

type Filing = Omit<FilingInput, 'links'>;

function filingOf(message: InboundMessage, mailbox: IntakeMailbox): Filing {
  return {
    messageId: message.messageId,
    inReplyTo: message.inReplyTo,
    references: message.references,
    subject: message.subject,
    from: message.from,
    to: message.to,
    cc: message.cc,
    sentAt: message.sentAt,
    bodyText: message.text,
    bodyHtml: message.html,
    source: 'mailbox',
    mailbox: mailbox.address,
  };
}

/** The files with their content, or by name only when they would not fit the organisation's room. */
async function receivedFiles(
  db: Knex,
  orgId: string,
  message: InboundMessage,
  limits: AttachmentLimits,
): Promise<ReceivedAttachment[]> {
  const files = message.files.map((file) => receiveFileBytes(file, file.content, limits));
  try {
    await checkRoomFor(db, orgId, files, limits);
    return files;
  } catch (error) {
    if (!(error instanceof AttachmentStorageFull)) throw error;
    return files.map((file) => ({ entry: { ...file.entry, sha256: null }, content: null }));
  }
}

/** The messages this one answers, by its headers. */
const threadOf = (message: InboundMessage) => [
  ...message.references,
  ...(message.inReplyTo ? [message.inReplyTo] : []),
];

/**
 * The case this message answers: by its In-Reply-To and References, else by a "[#1234]" in its
 * subject, when its sender is known on that case. Case numbers are easy to guess: a stranger
 * quoting one opens a case of their own rather than writing into someone else's.
 */
async function caseAnswered(trx: Knex.Transaction, orgId: string, message: InboundMessage) {
  const filed = await caseOfMessages(trx, orgId, threadOf(message));
  if (filed) return loadCase(trx, orgId, filed.caseId);
  const number = caseNumberInSubject(message.subject);
  const quoted = number === null ? undefined : await findCaseByNumber(trx, orgId, number);
  return quoted && (await senderKnownOnCase(trx, orgId, quoted.id, message.from.email)) ? quoted : undefined;
}

/**
 * The sender's contact and account: the contact holding the address; else a new contact, with the
 * account holding the address's domain, or a new account for it. Never an account for a free-mail
 * domain, and neither for the organisation's own people.
 */
async function senderRecords(
  trx: Knex.Transaction,
  actor: AuditActor,
  sender: InboundMessage['from'],
  settings: MailSettings,
): Promise<{ contactId: string | null; accountId: string | null }> {
  if (isOwnAddress(sender.email, settings.ownDomains)) return { contactId: null, accountId: null };
  const host = emailDomain(sender.email);
  const domain = registrableDomain(host) ?? host;
  await lockSender(trx, actor.orgId, domain);
  const held = await contactHoldingEmail(trx, actor.orgId, sender.email);
  if (held)
    return held.live
      ? { contactId: held.id, accountId: held.accountId }
      : { contactId: null, accountId: null };
  let accountId: string | null = null;
  if (!isFreeMailDomain(domain, settings.freeMailDomains)) {
    const account = await accountHoldingDomain(trx, actor.orgId, domain);
    if (account) accountId = account.live ? account.id : null;
    else accountId = (await insertAccountIn(trx, actor, { name: accountNameFromDomain(domain), domain })).id;
  }
  const name = nameFromDisplayName(sender.name, sender.email);
  const contact = await insertContactIn(trx, actor, { ...name, email: sender.email, accountId });
  return { contactId: contact.id, accountId };
}

const recordRefs = (refs: { case: string; contact: string | null; account: string | null }): RecordRef[] => [
  { type: 'case', id: refs.case },
  ...(refs.contact ? [{ type: 'contact' as const, id: refs.contact }] : []),
  ...(refs.account ? [{ type: 'account' as const, id: refs.account }] : []),
];

/**
 * Turns a message from a support mailbox into CRM work, in the caller's transaction: a message
 * already filed to a case is a duplicate; a reply is filed to its case and reopens it if it was
 * pending or resolved; anything else opens a new case for its sender, filed to the case, the
 * contact and the account. Throws a DomainError for a message the organisation never files.
 */
export async function takeInMessage(
  trx: Knex.Transaction,
  mailbox: IntakeMailbox,
  message: InboundMessage,
  limits: AttachmentLimits,
): Promise<IntakeResult> {
  const actor = automationActor(mailbox.orgId, 'mailbox', mailbox.id);
  const filing = filingOf(message, mailbox);
  const key = messageKey(filing);
  // The message it answers, and its conversation's first: what may be being taken in right now.
  const inFlight = [message.inReplyTo, message.references[0], message.references.at(-1)];
  await lockMessages(trx, mailbox.orgId, [key, ...inFlight.filter((id): id is string => Boolean(id))]);
  const already = await caseOfMessages(trx, mailbox.orgId, [key]);
  if (already) return { outcome: 'duplicate', ...already, messageKey: key };
  await checkFiling(trx, mailbox.orgId, { ...filing, links: [] });
  const files = await receivedFiles(trx, mailbox.orgId, message, limits);

  const answered = await caseAnswered(trx, mailbox.orgId, message);
  if (answered && answered.status !== 'closed') {
    const links = recordRefs({ case: answered.id, contact: answered.contactId, account: answered.accountId });
    const { email } = await fileEmailIn(trx, actor, { ...filing, links }, files);
    await reopenCaseIn(trx, actor, answered.id);
    return { outcome: 'case_updated', caseId: answered.id, activityId: email.id, messageKey: key };
  }

  const settings = await mailSettings(trx, mailbox.orgId);
  const sender = await senderRecords(trx, actor, message.from, settings);
  const opened = await openCaseIn(trx, actor, {
    subject: message.subject,
    contactId: sender.contactId,
    accountId: sender.accountId,
    teamId: mailbox.teamId,
    supportMailboxId: mailbox.id,
  });
  const links = recordRefs({ case: opened.id, contact: sender.contactId, account: sender.accountId });
  const { email } = await fileEmailIn(trx, actor, { ...filing, links }, files);
  return { outcome: 'case_opened', caseId: opened.id, activityId: email.id, messageKey: key };
}
