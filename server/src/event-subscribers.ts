import { wireSubscribers } from './events/event-bus.js';
import {
  indexOnActivitiesRelinked,
  indexOnEmailFiled,
  indexOnRecordWritten,
} from './modules/activity-search/index.js';
import { auditEmailFiled, auditRecordWritten } from './modules/audit/index.js';
import { endSessionsOnUserUpdated } from './modules/auth/index.js';
import { forgetGoogleUserOnUserUpdated } from './modules/gmail/index.js';
import { stopPlansOnRecordWritten, stopPlansOnReply } from './modules/plans/index.js';
import {
  historyOnRecordWritten,
  historyOnStageChanged,
  historyOnStatusChanged,
} from './modules/reports/index.js';
import { queueRulesOnEmailFiled, queueRulesOnRecordWritten } from './modules/workflow/index.js';

/**
 * Who listens to which domain event: the composition root's third table, beside app.ts's routes and
 * crm-worker.ts's job handlers. Subscribers run in the publishing transaction, in this order.
 * `searchIndex: false` leaves the search index behind: only the search benchmark's baseline (filing
 * without the index) wires them so, before it builds its app.
 */
export function wireEventSubscribers(options: { searchIndex?: boolean } = {}): void {
  const indexing = options.searchIndex ?? true;
  wireSubscribers((bus) => {
    bus.on('record.written', auditRecordWritten);
    bus.on('record.written', historyOnRecordWritten);
    bus.on('record.written', stopPlansOnRecordWritten);
    bus.on('record.written', queueRulesOnRecordWritten);
    if (indexing) bus.on('record.written', indexOnRecordWritten);
    bus.on('email.filed', stopPlansOnReply);
    bus.on('email.filed', queueRulesOnEmailFiled);
    bus.on('email.filed', auditEmailFiled);
    if (indexing) bus.on('email.filed', indexOnEmailFiled);
    if (indexing) bus.on('activities.relinked', indexOnActivitiesRelinked);
    bus.on('opportunity.stage_changed', historyOnStageChanged);
    bus.on('case.status_changed', historyOnStatusChanged);
    bus.on('user.updated', endSessionsOnUserUpdated);
    bus.on('user.updated', forgetGoogleUserOnUserUpdated);
  });
}
