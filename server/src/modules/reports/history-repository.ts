import type { Knex } from 'knex';
import { newId } from '../../db/ids.js';

const RESOLVED = new Set(['resolved', 'closed']);

/** Ends the opportunity's present stay (if any) and begins one in `stageId`, at the transaction's time. */
export async function enterStage(
  trx: Knex.Transaction,
  orgId: string,
  opportunityId: string,
  stageId: string,
): Promise<void> {
  await trx('opportunity_stage_history')
    .where({ org_id: orgId, opportunity_id: opportunityId })
    .whereNull('left_at')
    .update({ left_at: trx.fn.now() });
  await trx('opportunity_stage_history').insert({
    org_id: orgId,
    id: newId(),
    opportunity_id: opportunityId,
    stage_id: stageId,
    entered_at: trx.fn.now(),
  });
}

/**
 * Ends the case's present stay (if any) and begins one in `status`; the stay resolves the case when
 * it goes from an open status (or none) to resolved or closed.
 */
export async function enterStatus(
  trx: Knex.Transaction,
  orgId: string,
  caseId: string,
  from: string | null,
  status: string,
): Promise<void> {
  // A new case (no status before) has no stay to end.
  if (from !== null) {
    await trx('case_status_history')
      .where({ org_id: orgId, case_id: caseId })
      .whereNull('left_at')
      .update({ left_at: trx.fn.now() });
  }
  await trx('case_status_history').insert({
    org_id: orgId,
    id: newId(),
    case_id: caseId,
    status,
    resolves: RESOLVED.has(status) && (from === null || !RESOLVED.has(from)),
    entered_at: trx.fn.now(),
  });
}
