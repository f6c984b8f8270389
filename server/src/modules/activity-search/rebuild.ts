import type { Knex } from 'knex';
import type { Db } from '../../db/types.js';
import { indexActivities } from './index-repository.js';

/**
 * The version of the search documents the server writes. Raise it with any change to how documents
 * are made (the folding rules in shared's full-text-words, the fields, the tags): the migrate step
 * then rebuilds every row in batches (see rebuildSearchIndex).
 */
export const SEARCH_DOCUMENT_VERSION = 1;

const BATCH_SIZE = 500;

interface IndexState {
  version: number;
  building_version: number | null;
  resume_org_id: string | null;
  resume_activity_id: string | null;
}

/** The next activities to rebuild after the resume point, in key order. */
async function nextBatch(
  trx: Knex.Transaction,
  state: IndexState,
): Promise<{ org_id: string; id: string }[]> {
  const resuming = state.building_version === SEARCH_DOCUMENT_VERSION && state.resume_org_id !== null;
  const { rows } = await trx.raw<{ rows: { org_id: string; id: string }[] }>(
    `SELECT org_id, id FROM activities
     ${resuming ? 'WHERE (org_id, id) > (?, ?)' : ''}
     ORDER BY org_id, id LIMIT ${BATCH_SIZE}`,
    resuming ? [state.resume_org_id, state.resume_activity_id] : [],
  );
  return rows;
}

/** Rebuilds one batch and records where the next starts; false when there was nothing left. */
async function rebuildBatch(knex: Knex): Promise<boolean> {
  return knex.transaction(async (trx) => {
    // The state row's lock makes instances starting together take turns, each resuming where the
    // last batch ended.
    const state = (await trx('search_index_state').forUpdate().first()) as IndexState;
    if (state.version >= SEARCH_DOCUMENT_VERSION) return false;
    const batch = await nextBatch(trx, state);
    const last = batch[batch.length - 1];
    if (!last) {
      await trx('search_index_state').update({
        version: SEARCH_DOCUMENT_VERSION,
        building_version: null,
        resume_org_id: null,
        resume_activity_id: null,
      });
      return false;
    }
    const idsByOrg = new Map<string, string[]>();
    for (const row of batch) idsByOrg.set(row.org_id, [...(idsByOrg.get(row.org_id) ?? []), row.id]);
    for (const [orgId, ids] of idsByOrg) await indexActivities(trx, orgId, ids);
    await trx('search_index_state').update({
      building_version: SEARCH_DOCUMENT_VERSION,
      resume_org_id: last.org_id,
      resume_activity_id: last.id,
    });
    return true;
  });
}

/**
 * Brings every search row to SEARCH_DOCUMENT_VERSION, a batch per short transaction, so the table is
 * never locked for long and searches go on meanwhile (rows not yet rebuilt answer as before). An
 * interrupted rebuild resumes where it stopped. Returns the number of batches rebuilt.
 */
export async function rebuildSearchIndex(knex: Knex): Promise<number> {
  let batches = 0;
  while (await rebuildBatch(knex)) batches += 1;
  return batches;
}

/** Indexes every activity of one organisation (after a bulk load such as the demo data). */
export async function indexOrganisation(db: Db, orgId: string): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = (
      await db('activities')
        .where('org_id', orgId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH_SIZE)
        .select('id')
    ).map((row: { id: string }) => row.id);
    if (ids.length === 0) return;
    await indexActivities(db, orgId, ids);
    after = ids[ids.length - 1]!;
  }
}
