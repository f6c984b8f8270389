import type { SupportMailProblem } from '@inbox-crm/shared';
import type { Knex } from 'knex';
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

const lockKey = (message: MailboxMessage) =>
  `support-mail:${message.mailboxId}:${message.uidValidity}:${message.uid}`;

/**
 * Takes the message for this transaction, or answers false: another instance holds it right now
 * (a transaction-scoped advisory lock, so a crash lets go), or the ledger has it already.
 */
export async function takeMessage(trx: Knex.Transaction, message: MailboxMessage): Promise<boolean> {
  const { rows } = await trx.raw<{ rows: { taken: boolean }[] }>(
    `SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))
        AND NOT EXISTS (SELECT 1 FROM support_mail_received
                         WHERE org_id = ? AND mailbox_id = ? AND uid_validity = ? AND uid = ?) AS taken`,
    [
      lockKey(message),
      message.orgId,
      message.mailboxId,
      message.uidValidity.toString(),
      message.uid.toString(),
    ],
  );
  return rows[0]!.taken;
}

/** Writes what became of the message; its primary key refuses a second entry for it. */
export async function recordReceived(db: Db, message: MailboxMessage, entry: LedgerEntry): Promise<void> {
  await db('support_mail_received').insert({
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
  mailbox: { orgId: string; mailboxId: string; uidValidity: bigint },
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
