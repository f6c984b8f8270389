import { preparedStatement } from '../../db/prepared-statement.js';
import type { Db } from '../../db/types.js';

export interface FiledToCase {
  caseId: string;
  activityId: string;
}

const CASES_OF_MESSAGES = `
  SELECT l.record_id AS case_id, a.id AS activity_id
    FROM activities a
    JOIN activity_links l ON l.org_id = a.org_id AND l.activity_id = a.id AND l.record_type = 'case'
    JOIN cases c ON c.org_id = l.org_id AND c.id = l.record_id AND c.deleted_at IS NULL
   WHERE a.org_id = ? AND a.message_key = ANY(CAST(? AS text[])) AND a.deleted_at IS NULL
   ORDER BY a.occurred_at DESC, c.number DESC
   LIMIT 1`;

/**
 * The live case the newest of these messages is filed to (by Message-ID or derived key), if any:
 * the case a reply belongs to, or the case a message already made.
 */
export async function caseOfMessages(
  db: Db,
  orgId: string,
  messageKeys: readonly string[],
): Promise<FiledToCase | undefined> {
  if (messageKeys.length === 0) return undefined;
  const { rows } = await db
    .raw<{ rows: { case_id: string; activity_id: string }[] }>(CASES_OF_MESSAGES, [orgId, [...messageKeys]])
    .options(preparedStatement(CASES_OF_MESSAGES));
  const row = rows[0];
  return row && { caseId: row.case_id, activityId: row.activity_id };
}

const SENDER_ON_CASE = `
  SELECT EXISTS (
    SELECT 1 FROM cases c JOIN contact_emails e ON e.org_id = c.org_id AND e.contact_id = c.contact_id
     WHERE c.org_id = ? AND c.id = ? AND e.email = ?
    UNION ALL
    SELECT 1 FROM activity_links l
      JOIN email_messages m ON m.org_id = l.org_id AND m.activity_id = l.activity_id
     WHERE l.org_id = ? AND l.record_type = 'case' AND l.record_id = ?
       AND (m.from_email = ? OR m.to_recipients @> CAST(? AS jsonb) OR m.cc_recipients @> CAST(? AS jsonb))
  ) AS known`;

/** Whether this address is the case's contact's, or took part in mail filed to the case. */
export async function senderKnownOnCase(db: Db, orgId: string, caseId: string, address: string) {
  const party = JSON.stringify([{ email: address }]);
  const { rows } = await db.raw<{ rows: { known: boolean }[] }>(SENDER_ON_CASE, [
    orgId,
    caseId,
    address,
    orgId,
    caseId,
    address,
    party,
    party,
  ]);
  return rows[0]!.known;
}

/** The key that serialises intakes of one message: the same mail in two mailboxes, or a reply and its original. */
export const messageLock = (orgId: string, messageKey: string) => `support-message:${orgId}:${messageKey}`;

/** The key that serialises intakes of mail from one sender's domain, so one new company makes one account. */
export const senderLock = (orgId: string, domain: string) => `support-sender:${orgId}:${domain}`;
