import { wireSubscribers } from './events/event-bus.js';
import { auditEmailFiled, auditRecordWritten } from './modules/audit/index.js';
import { endSessionsOnUserUpdated } from './modules/auth/index.js';
import { stopPlansOnRecordWritten, stopPlansOnReply } from './modules/plans/index.js';
import { queueRulesOnEmailFiled, queueRulesOnRecordWritten } from './modules/workflow/index.js';

/**
 * Who listens to which domain event: the composition root's third table, beside app.ts's routes and
 * crm-worker.ts's job handlers. Subscribers run in the publishing transaction, in this order.
 */
export function wireEventSubscribers(): void {
  wireSubscribers((bus) => {
    bus.on('record.written', auditRecordWritten);
    bus.on('record.written', stopPlansOnRecordWritten);
    bus.on('record.written', queueRulesOnRecordWritten);
    bus.on('email.filed', stopPlansOnReply);
    bus.on('email.filed', queueRulesOnEmailFiled);
    bus.on('email.filed', auditEmailFiled);
    bus.on('user.updated', endSessionsOnUserUpdated);
  });
}
