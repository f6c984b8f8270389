import type { Db } from '../../db/types.js';

/** Which kind of record an id from another system names here. */
export type ExternalKind = 'opportunity' | 'case' | 'note' | 'call';

/** The record an earlier import made for this id from the old system, if any. */
export async function recordForExternalId(
  db: Db,
  orgId: string,
  kind: ExternalKind,
  externalId: string,
): Promise<string | undefined> {
  const row = (await db('external_ids')
    .where({ org_id: orgId, record_type: kind, external_id: externalId })
    .first('record_id')) as { record_id: string } | undefined;
  return row?.record_id;
}

export async function rememberExternalId(
  db: Db,
  orgId: string,
  kind: ExternalKind,
  externalId: string,
  recordId: string,
): Promise<void> {
  await db('external_ids')
    .insert({ org_id: orgId, record_type: kind, external_id: externalId, record_id: recordId })
    .onConflict(['org_id', 'record_type', 'external_id'])
    .merge(['record_id']);
}

export async function forgetExternalIdsOf(
  db: Db,
  orgId: string,
  recordIds: readonly string[],
): Promise<void> {
  if (recordIds.length === 0) return;
  await db('external_ids').where({ org_id: orgId }).whereIn('record_id', recordIds).delete();
}
