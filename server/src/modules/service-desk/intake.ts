import type { Knex } from 'knex';
import {
  caseNumberInSubject,
  isOwnAddress,
  routedCase,
  routeMessage,
  type Acknowledgement,
  type RecordRef,
  type RoutingRule,
} from '@inbox-crm/shared';
import { automationActor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { Unprocessable } from '../../errors.js';
import { receiveFilesWithinRoom, type AttachmentLimits } from '../attachments/index.js';
import { findCaseByNumber, loadCase, openCaseIn, reopenCaseIn } from '../cases/index.js';
import { checkFiling, fileEmailIdIn, messageKey, type FilingInput } from '../emails/index.js';
import { mailSettings } from '../organisation/index.js';
import { suppressedAddresses } from '../privacy/index.js';
import { acknowledgeIn, acknowledgementRefusal } from './acknowledgement.js';
import { assigneeFor } from './case-assignment.js';
import type { InboundMessage } from '../emails/index.js';
import type { IntakeOutcome } from './mail-ledger.js';
import { messagePatternTest } from './pattern-test.js';
import { routingFacts } from './routing-facts.js';
import { senderDomain, senderRecords } from './sender-records.js';
import { caseOfMessages, messageLock, senderKnownOnCase, senderLock } from './thread-repository.js';

/** What the intake needs of the mailbox a message came through. */
export interface IntakeMailbox {
  orgId: string;
  id: string;
  name: string;
  address: string;
  teamId: string | null;
  rules: readonly RoutingRule[];
  acknowledgement: Acknowledgement;
  /** Every support address of the organisation: never answered automatically. */
  ownAddresses: readonly string[];
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

const recordRefs = (refs: { case: string; contact: string | null; account: string | null }): RecordRef[] => [
  { type: 'case', id: refs.case },
  ...(refs.contact ? [{ type: 'contact' as const, id: refs.contact }] : []),
  ...(refs.account ? [{ type: 'account' as const, id: refs.account }] : []),
];

/**
 * The advisory locks an intake of this message holds, taken before it: the message's key and those
 * of the message it answers and its conversation's first (what may be being taken in right now),
 * and the sender's domain, unless the sender is one of the organisation's own people.
 */
export async function intakeLocks(
  db: Db,
  mailbox: IntakeMailbox,
  message: InboundMessage,
): Promise<string[]> {
  const inFlight = [message.inReplyTo, message.references[0], message.references.at(-1)];
  const keys = [
    messageKey(filingOf(message, mailbox)),
    ...inFlight.filter((id): id is string => Boolean(id)),
  ];
  const locks = keys.map((key) => messageLock(mailbox.orgId, key));
  const { ownDomains } = await mailSettings(db, mailbox.orgId);
  if (isOwnAddress(message.from.email, ownDomains)) return locks;
  return [...locks, senderLock(mailbox.orgId, senderDomain(message.from.email))];
}

/** Said of mail refused for its sender: the ledger keeps neither its subject nor its sender then. */
const SUPPRESSED_SENDER = 'The sender asked to be forgotten, so their mail is not taken in.';

/** Mail from someone who asked to be forgotten opens no case and makes no contact. */
async function refuseSuppressedSender(trx: Knex.Transaction, orgId: string, message: InboundMessage) {
  if ((await suppressedAddresses(trx, orgId, [message.from.email])).size > 0) {
    throw new Unprocessable('suppressed', SUPPRESSED_SENDER);
  }
}

/**
 * Turns a message from a support mailbox into CRM work, in the caller's transaction, which holds
 * the message's intakeLocks: a message already filed to a case is a duplicate; a reply is filed to
 * its case and reopens it if it was pending or resolved; anything else opens a new case for its
 * sender, filed to the case, the contact and the account. Throws a DomainError for a message the
 * organisation never files.
 */
export async function takeInMessage(
  trx: Knex.Transaction,
  mailbox: IntakeMailbox,
  message: InboundMessage,
  limits: AttachmentLimits,
): Promise<IntakeResult> {
  const actor = automationActor(mailbox.orgId, 'mailbox', mailbox.id);
  const key = messageKey(filingOf(message, mailbox));
  const already = await caseOfMessages(trx, mailbox.orgId, [key]);
  if (already) return { outcome: 'duplicate', ...already, messageKey: key };
  await refuseSuppressedSender(trx, mailbox.orgId, message);
  const { filing } = await checkFiling(trx, mailbox.orgId, { ...filingOf(message, mailbox), links: [] });
  const files = await receiveFilesWithinRoom(trx, mailbox.orgId, message.files, limits);

  const answered = await caseAnswered(trx, mailbox.orgId, message);
  if (answered && answered.status !== 'closed') {
    const links = recordRefs({ case: answered.id, contact: answered.contactId, account: answered.accountId });
    const email = await fileEmailIdIn(trx, actor, { ...filing, links }, files);
    await reopenCaseIn(trx, actor, answered.id);
    return { outcome: 'case_updated', caseId: answered.id, activityId: email.id, messageKey: key };
  }

  const settings = await mailSettings(trx, mailbox.orgId);
  const sender = await senderRecords(trx, actor, message.from, settings);
  const facts = await routingFacts(trx, mailbox.orgId, message, sender, mailbox.rules);
  const { matchedRule } = routeMessage(mailbox.rules, facts, messagePatternTest());
  const routed = routedCase(
    { teamId: mailbox.teamId, acknowledge: mailbox.acknowledgement.enabled },
    matchedRule === null ? null : mailbox.rules[matchedRule]!,
  );
  const opened = await openCaseIn(trx, actor, {
    // The filing's subject: someone forgotten on its copy list is taken out of it.
    subject: filing.subject,
    contactId: sender.contactId,
    accountId: sender.accountId,
    teamId: routed.teamId,
    priority: routed.priority,
    category: routed.category,
    ownerId: await assigneeFor(trx, mailbox.orgId, routed.teamId, routed.assign),
    supportMailboxId: mailbox.id,
  });
  const links = recordRefs({ case: opened.id, contact: sender.contactId, account: sender.accountId });
  const email = await fileEmailIdIn(trx, actor, { ...filing, links }, files);
  if (routed.acknowledge) {
    const answering = { ...mailbox, ownDomains: settings.ownDomains };
    if ((await acknowledgementRefusal(trx, answering, message)) === null) {
      await acknowledgeIn(trx, actor, answering, message, opened, links);
    }
  }
  return { outcome: 'case_opened', caseId: opened.id, activityId: email.id, messageKey: key };
}
