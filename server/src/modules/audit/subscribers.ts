import type { Knex } from 'knex';
import type { EmailFiled, RecordWritten } from '../../events/domain-events.js';
import { recordAudit } from './repository.js';

/** Every record write is in the audit log, with its actor and the record before and after. */
export async function auditRecordWritten(trx: Knex.Transaction, event: RecordWritten): Promise<void> {
  const { actor, action, entity, before, after } = event;
  await recordAudit(trx, actor, action, entity, after.id, before, after);
}

/** Each filing is in the audit log with the records it added. */
export async function auditEmailFiled(trx: Knex.Transaction, event: EmailFiled): Promise<void> {
  const { actor, email, addedLinks } = event;
  await recordAudit(trx, actor, 'file', 'email', email.id, null, {
    messageKey: email.messageKey,
    source: email.source,
    mailbox: email.mailbox,
    addedLinks,
  });
}
