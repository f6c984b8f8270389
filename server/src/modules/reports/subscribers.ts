import type { Knex } from 'knex';
import type { Case } from '@inbox-crm/shared';
import type {
  CaseStatusChanged,
  OpportunityStageChanged,
  RecordWritten,
  WrittenRecord,
} from '../../events/domain-events.js';
import { enterStage, enterStatus } from './history-repository.js';

/** A new opportunity begins its first stay in its stage; a new case in its status. */
export async function historyOnRecordWritten(trx: Knex.Transaction, event: RecordWritten): Promise<void> {
  if (event.action !== 'create') return;
  const { orgId } = event.actor;
  const id = event.after.id;
  if (event.entity === 'opportunity') {
    const { stage_id } = (await trx('opportunities').where({ org_id: orgId, id }).first('stage_id')) as {
      stage_id: string;
    };
    await enterStage(trx, orgId, id, stage_id);
  } else if (event.entity === 'case') {
    // A written case is published whole: its status is in hand.
    const { status } = event.after as WrittenRecord & Pick<Case, 'status'>;
    await enterStatus(trx, orgId, id, null, status);
  }
}

export async function historyOnStageChanged(
  trx: Knex.Transaction,
  event: OpportunityStageChanged,
): Promise<void> {
  await enterStage(trx, event.actor.orgId, event.opportunityId, event.toStageId);
}

export async function historyOnStatusChanged(trx: Knex.Transaction, event: CaseStatusChanged): Promise<void> {
  await enterStatus(trx, event.actor.orgId, event.caseId, event.from, event.to);
}
