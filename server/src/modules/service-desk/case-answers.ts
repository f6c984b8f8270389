import type { Knex } from 'knex';
import { answerSubject, type CaseAnswer, type Email, type RecordRef } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { visibleActivities } from '../../db/visibility.js';
import { NotFound, Unprocessable } from '../../errors.js';
import { answeredCaseIn, loadCase } from '../cases/index.js';
import { loadContact } from '../contacts/index.js';
import { mailSettings } from '../organisation/index.js';
import { findMailbox, mailboxAddresses } from './mailboxes-repository.js';
import { sendSupportMailIn } from './outgoing-mail.js';

interface CustomerMessage {
  subject: string;
  message_id: string | null;
  references: string[];
  from_email: string;
}

/**
 * The latest message on the case from outside the organisation that the agent may see: what an
 * answer replies to (a colleague's private email is neither quoted nor answered).
 */
async function latestCustomerMessage(
  trx: Knex.Transaction,
  actor: Actor,
  caseId: string,
  ownAddresses: readonly string[],
  ownDomains: readonly string[],
): Promise<CustomerMessage | undefined> {
  const visible = visibleActivities(actor, 'a');
  const { rows } = await trx.raw<{ rows: CustomerMessage[] }>(
    `SELECT a.subject, m.message_id, m."references", m.from_email
       FROM activity_links l
       JOIN activities a ON a.org_id = l.org_id AND a.id = l.activity_id
       JOIN email_messages m ON m.org_id = a.org_id AND m.activity_id = a.id
      WHERE l.org_id = ? AND l.record_type = 'case' AND l.record_id = ? AND a.deleted_at IS NULL
        AND m.from_email <> ALL(?::text[]) AND split_part(m.from_email, '@', 2) <> ALL(?::text[])
        AND ${visible.sql}
      ORDER BY m.sent_at DESC
      LIMIT 1`,
    [actor.orgId, caseId, [...ownAddresses], [...ownDomains], ...visible.bindings],
  );
  return rows[0];
}

const noAnswer = (message: string, path: string) => new Unprocessable('invalid_value', message, [{ path }]);

/**
 * Sends an agent's answer on a case from its support address, in one transaction: it waits in the
 * outbox (so it goes once the case's change is committed, and again after a lost connection), is
 * filed to the case, its contact and account under the Message-ID it goes out with, and threads to
 * the customer's latest message by In-Reply-To and References. The first answer is the case's
 * first response.
 */
export function answerCase(db: Knex, actor: Actor, caseId: string, input: CaseAnswer): Promise<Email> {
  return db.transaction(async (trx) => {
    const answered = await loadCase(trx, actor.orgId, caseId);
    if (!answered || answered.deletedAt !== null) throw new NotFound('Case');
    // Checks that the person may change the case (and locks it) before anything is sent.
    await answeredCaseIn(trx, actor, caseId, input.status);
    const mailboxId = input.mailboxId ?? answered.supportMailboxId;
    const mailbox = mailboxId ? await findMailbox(trx, actor.orgId, mailboxId) : undefined;
    if (!mailbox) {
      throw noAnswer(
        'This case came in through no support mailbox: choose the mailbox to answer from.',
        '/mailboxId',
      );
    }
    const settings = await mailSettings(trx, actor.orgId);
    const own = await mailboxAddresses(trx, actor.orgId);
    const latest = await latestCustomerMessage(trx, actor, caseId, own, settings.ownDomains);
    const contact = answered.contactId ? await loadContact(trx, actor.orgId, answered.contactId) : undefined;
    const to = input.to?.toLowerCase() ?? latest?.from_email ?? contact?.emails[0];
    if (!to) throw noAnswer('Nobody has written on this case yet: say whom the answer is for.', '/to');

    const user = (await trx('users').where({ org_id: actor.orgId, id: actor.userId }).first('name')) as {
      name: string;
    };
    const links: RecordRef[] = [
      { type: 'case', id: caseId },
      ...(answered.contactId ? [{ type: 'contact' as const, id: answered.contactId }] : []),
      ...(answered.accountId ? [{ type: 'account' as const, id: answered.accountId }] : []),
    ];
    const email = await sendSupportMailIn(trx, actor, {
      kind: 'answer',
      mailbox: { orgId: mailbox.org_id, id: mailbox.id, address: mailbox.address },
      fromName: `${user.name} (${mailbox.name})`,
      to: { email: to, name: null },
      subject: answerSubject(latest?.subject ?? answered.subject, answered.number),
      text: input.text,
      answering: latest ? { messageId: latest.message_id, references: latest.references } : null,
      links,
    });
    return email;
  });
}
