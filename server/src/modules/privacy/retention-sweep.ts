import type { Knex } from 'knex';
import type { Clock } from '../../jobs/clock.js';
import type { WorkerLoop } from '../../jobs/worker.js';
import { emit } from '../../events/event-bus.js';
import { recordAudit } from '../audit/index.js';

/** How long the sweep rests once no organisation has mail past its retention. */
export const RETENTION_REST_MS = 10 * 60_000;
const BATCH = 200;

interface RetainingOrganisation {
  id: string;
  retention_months: number;
  retention_action: 'remove_content' | 'delete';
}

/** The moment `months` calendar months before `now`: mail sent before it is past retention. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * One batch of an organisation's oldest mail past its retention, in one transaction: its bodies,
 * snippets and attachments removed (their content released when no other email uses it) and its
 * search rows written again, or the emails deleted. Rows another worker holds are skipped.
 */
async function sweepOrganisation(
  knex: Knex,
  organisation: RetainingOrganisation,
  now: Date,
): Promise<number> {
  const orgId = organisation.id;
  return knex.transaction(async (trx) => {
    const ids = (
      await trx.raw<{ rows: { activity_id: string }[] }>(
        `SELECT activity_id FROM email_messages
          WHERE org_id = ? AND content_removed IS NULL AND sent_at < ?
          ORDER BY sent_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [orgId, retentionCutoff(now, organisation.retention_months)],
      )
    ).rows.map((row) => row.activity_id);
    if (ids.length === 0) return 0;
    const system = { orgId, userId: null };
    if (organisation.retention_action === 'delete') {
      await trx('activities').where({ org_id: orgId }).whereIn('id', ids).delete();
      await recordAudit(trx, system, 'retention', 'organisation', orgId, null, { emailsDeleted: ids.length });
      return ids.length;
    }
    await trx('email_messages')
      .where({ org_id: orgId })
      .whereIn('activity_id', ids)
      .update({
        body_text: null,
        body_html: null,
        attachments: JSON.stringify([]),
        content_removed: 'retention',
        content_removed_at: now,
      });
    await trx('email_attachment_contents').where({ org_id: orgId }).whereIn('activity_id', ids).delete();
    await trx('activities').where({ org_id: orgId }).whereIn('id', ids).update({ snippet: '' });
    await trx('activity_links').where({ org_id: orgId }).whereIn('activity_id', ids).update({ snippet: '' });
    await emit(trx, { type: 'activities.relinked', orgId, activityIds: ids });
    await recordAudit(trx, system, 'retention', 'organisation', orgId, null, { contentRemoved: ids.length });
    return ids.length;
  });
}

/**
 * The worker's loop that keeps each organisation's retention policy: a batch per organisation with
 * one set, again while there is work, then a rest.
 */
export function retentionSweep(): WorkerLoop {
  let restingSince: number | null = null;
  return async (knex: Knex, clock: Clock) => {
    const now = clock.now();
    if (restingSince !== null && now.getTime() - restingSince < RETENTION_REST_MS) return 0;
    const organisations = (await knex('organisations')
      .whereNotNull('retention_months')
      .select('id', 'retention_months', 'retention_action')) as RetainingOrganisation[];
    let swept = 0;
    for (const organisation of organisations) swept += await sweepOrganisation(knex, organisation, now);
    restingSince = swept === 0 ? now.getTime() : null;
    return swept;
  };
}
