import type { SupportMailProblem } from '@inbox-crm/shared';
import type { Knex } from 'knex';
import { insertOrDefer } from '../../db/deferred-rows.js';
import { iso, type Db } from '../../db/types.js';

/** One message of one mailbox at one UIDVALIDITY: what the ledger keeps a row for. */
export interface MailboxMessage {
  orgId: string;
  mailboxId: string;
  uidValidity: bigint;
  uid: number;
}

export type IntakeOutcome = 'case_opened' | 'case_updated' | 'duplicate' | 'refused' | 'unreadable';

export interface LedgerEntry {
  outcome: IntakeOutcome;
  messageKey?: string | null;
  caseId?: string | null;
  activityId?: string | null;
  subject?: string | null;
  fromEmail?: string | null;
  reason?: string | null;
  /** Kept for a message that could not be read, so an admin can look at it. */
  source?: Buffer | null;
}

type LedgerMailbox = Omit<MailboxMessage, 'uid'>;

// OFFSET 0 keeps the NOT EXISTS a lookup by the whole key for each UID: as an anti-join, a table
// without statistics (the embedded database never analyses) is read for all of the mailbox's rows.
const TAKE_MESSAGES = `
  SELECT u.uid FROM unnest(CAST(? AS bigint[])) AS u(uid)
   WHERE NOT EXISTS (SELECT 1 FROM support_mail_received r
                      WHERE r.org_id = ? AND r.mailbox_id = ? AND r.uid_validity = ? AND r.uid = u.uid
                      OFFSET 0)
     AND pg_try_advisory_xact_lock(hashtextextended(CAST(? AS text) || u.uid, 0))`;

/**
 * Takes these messages for this transaction, answering the UIDs it has: not those another instance
 * holds right now (a transaction-scoped advisory lock, so a crash lets go), nor those the ledger
 * has already.
 */
export async function takeMessages(
  trx: Knex.Transaction,
  mailbox: LedgerMailbox,
  uids: readonly number[],
): Promise<Set<number>> {
  const { rows } = await trx.raw<{ rows: { uid: string }[] }>(TAKE_MESSAGES, [
    uids.map(String),
    mailbox.orgId,
    mailbox.mailboxId,
    mailbox.uidValidity.toString(),
    `support-mail:${mailbox.mailboxId}:${mailbox.uidValidity}:`,
  ]);
  return new Set(rows.map((row) => Number(row.uid)));
}

/** takeMessages for one message. */
export async function takeMessage(trx: Knex.Transaction, message: MailboxMessage): Promise<boolean> {
  return (await takeMessages(trx, message, [message.uid])).has(message.uid);
}

/**
 * Writes what became of the message (with the transaction's other deferred rows, when it defers
 * them); its primary key refuses a second entry for it.
 */
export async function recordReceived(db: Db, message: MailboxMessage, entry: LedgerEntry): Promise<void> {
  await insertOrDefer(db, 'support_mail_received', {
    org_id: message.orgId,
    mailbox_id: message.mailboxId,
    uid_validity: message.uidValidity.toString(),
    uid: message.uid.toString(),
    outcome: entry.outcome,
    message_key: entry.messageKey ?? null,
    case_id: entry.caseId ?? null,
    activity_id: entry.activityId ?? null,
    subject: entry.subject?.slice(0, 500) ?? null,
    from_email: entry.fromEmail?.slice(0, 254) ?? null,
    reason: entry.reason?.slice(0, 1000) ?? null,
    source: entry.source ?? null,
  });
}

/** Which of these UIDs the ledger has. */
export async function receivedUids(
  db: Db,
  mailbox: LedgerMailbox,
  uids: readonly number[],
): Promise<Set<number>> {
  if (uids.length === 0) return new Set();
  const rows = (await db('support_mail_received')
    .where({
      org_id: mailbox.orgId,
      mailbox_id: mailbox.mailboxId,
      uid_validity: mailbox.uidValidity.toString(),
    })
    .whereRaw('uid = ANY(CAST(? AS bigint[]))', [uids.map(String)])
    .select('uid')) as { uid: string }[];
  return new Set(rows.map((row) => Number(row.uid)));
}

interface ProblemRow {
  uid: string;
  outcome: 'refused' | 'unreadable';
  subject: string | null;
  from_email: string | null;
  reason: string | null;
  received_at: Date;
}

/** The messages a mailbox could not turn into cases, newest first. */
export async function listProblems(
  db: Db,
  orgId: string,
  mailboxId: string,
  limit: number,
): Promise<SupportMailProblem[]> {
  const rows = (await db('support_mail_received')
    .where({ org_id: orgId, mailbox_id: mailboxId })
    .whereIn('outcome', ['refused', 'unreadable'])
    .orderBy('received_at', 'desc')
    .limit(limit)
    .select('uid', 'outcome', 'subject', 'from_email', 'reason', 'received_at')) as ProblemRow[];
  return rows.map((row) => ({
    uid: Number(row.uid),
    outcome: row.outcome,
    subject: row.subject,
    fromEmail: row.from_email,
    reason: row.reason ?? '',
    receivedAt: iso(row.received_at),
  }));
}
