import type { Knex } from 'knex';
import type { MergeMoves } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { emit } from '../../events/event-bus.js';
import { countConsentEntries, moveConsentEntries } from '../consents/index.js';

/** One kind of thing a merge hands from the duplicate to the record that is kept. */
export interface Move {
  key: keyof MergeMoves;
  /** How many the kept record gains (what a preview shows and the merge reports). */
  count(db: Db, orgId: string, fromId: string, toId: string): Promise<number>;
  run(trx: Knex.Transaction, orgId: string, fromId: string, toId: string): Promise<void>;
}

async function countOf(query: Knex.QueryBuilder): Promise<number> {
  const row = (await query.count({ n: '*' }).first()) as { n: number | string } | undefined;
  return Number(row?.n ?? 0);
}

/**
 * Records that point at the duplicate by a column (a deal's account, a task's contact…), trashed
 * ones too, so that restoring one later finds it on the record that was kept. Each moved record's
 * version goes up: a form opened on it before the merge must not save over the new link.
 */
export function pointingRecords(
  table: 'contacts' | 'opportunities' | 'cases' | 'tasks',
  column: 'account_id' | 'contact_id',
  key: keyof MergeMoves,
): Move {
  return {
    key,
    count: (db, orgId, fromId) => countOf(db(table).where({ org_id: orgId, [column]: fromId })),
    async run(trx, orgId, fromId, toId) {
      await trx(table)
        .where({ org_id: orgId, [column]: fromId })
        .update({ [column]: toId, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
    },
  };
}

/** Every email, call, meeting and note filed to the duplicate: once on the kept record, never twice. */
export function timelineLinks(recordType: 'account' | 'contact'): Move {
  return {
    key: 'activities',
    count: (db, orgId, fromId, toId) =>
      countOf(
        db('activity_links as l')
          .where({ 'l.org_id': orgId, 'l.record_type': recordType, 'l.record_id': fromId })
          .whereNotExists(
            db('activity_links as k')
              .whereRaw(
                'k.org_id = l.org_id AND k.activity_id = l.activity_id AND k.record_type = l.record_type',
              )
              .where('k.record_id', toId),
          ),
      ),
    async run(trx, orgId, fromId, toId) {
      const doubled = await trx.raw<{ rows: { activity_id: string }[] }>(
        `DELETE FROM activity_links l
          WHERE l.org_id = ? AND l.record_type = ? AND l.record_id = ?
            AND EXISTS (SELECT 1 FROM activity_links k
                         WHERE k.org_id = l.org_id AND k.activity_id = l.activity_id
                           AND k.record_type = l.record_type AND k.record_id = ?)
          RETURNING l.activity_id`,
        [orgId, recordType, fromId, toId],
      );
      const moved = (await trx('activity_links')
        .where({ org_id: orgId, record_type: recordType, record_id: fromId })
        .update({ record_id: toId })
        .returning('activity_id')) as { activity_id: string }[];
      await emit(trx, {
        type: 'activities.relinked',
        orgId,
        activityIds: [...doubled.rows, ...moved].map((row) => row.activity_id),
      });
    },
  };
}

/** The duplicate's addresses, after the kept contact's own (its primary stays primary). */
export const contactEmails: Move = {
  key: 'emailAddresses',
  count: (db, orgId, fromId) => countOf(db('contact_emails').where({ org_id: orgId, contact_id: fromId })),
  async run(trx, orgId, fromId, toId) {
    await trx.raw(
      `UPDATE contact_emails
          SET contact_id = ?,
              position = position + (SELECT COALESCE(max(position) + 1, 0) FROM contact_emails
                                      WHERE org_id = ? AND contact_id = ?)
        WHERE org_id = ? AND contact_id = ?`,
      [toId, orgId, toId, orgId, fromId],
    );
  },
};

/** The duplicate's numbers the kept contact does not have already. */
export const contactPhones: Move = {
  key: 'phones',
  count: (db, orgId, fromId, toId) =>
    countOf(
      db('contact_phones as p')
        .where({ 'p.org_id': orgId, 'p.contact_id': fromId })
        .whereNotExists(
          db('contact_phones as k')
            .whereRaw('k.org_id = p.org_id AND k.phone = p.phone')
            .where('k.contact_id', toId),
        ),
    ),
  async run(trx, orgId, fromId, toId) {
    await trx.raw(
      `INSERT INTO contact_phones (org_id, contact_id, phone, label, position)
       SELECT org_id, ?, phone, label,
              position + (SELECT COALESCE(max(position) + 1, 0) FROM contact_phones
                           WHERE org_id = ? AND contact_id = ?)
         FROM contact_phones WHERE org_id = ? AND contact_id = ?
       ON CONFLICT DO NOTHING`,
      [toId, orgId, toId, orgId, fromId],
    );
    await trx('contact_phones').where({ org_id: orgId, contact_id: fromId }).delete();
  },
};

/** The duplicate account's mail domains, so its senders are recognised as the kept account's. */
export const accountDomains: Move = {
  key: 'domains',
  count: (db, orgId, fromId) => countOf(db('account_domains').where({ org_id: orgId, account_id: fromId })),
  async run(trx, orgId, fromId, toId) {
    await trx('account_domains').where({ org_id: orgId, account_id: fromId }).update({ account_id: toId });
  },
};

/**
 * The duplicate contact's engagement plans, past and running. A plan running on both stays with
 * the duplicate and ends with it (the kept contact's run goes on), since a plan runs once per record.
 */
export const contactPlanEnrollments: Move = {
  key: 'planEnrollments',
  count: (db, orgId, fromId) =>
    countOf(
      db('plan_enrollments as p').where({
        'p.org_id': orgId,
        'p.record_type': 'contact',
        'p.record_id': fromId,
      }),
    ),
  async run(trx, orgId, fromId, toId) {
    await trx.raw(
      `UPDATE plan_enrollments p SET record_id = ?
        WHERE p.org_id = ? AND p.record_type = 'contact' AND p.record_id = ?
          AND NOT (p.status = 'active' AND EXISTS (
            SELECT 1 FROM plan_enrollments k
             WHERE k.org_id = p.org_id AND k.plan_id = p.plan_id AND k.record_type = 'contact'
               AND k.record_id = ? AND k.status = 'active'))`,
      [toId, orgId, fromId, toId],
    );
    // Whose reply stops a deal's plan: now the kept contact.
    await trx('plan_enrollments').where({ org_id: orgId, contact_id: fromId }).update({ contact_id: toId });
  },
};

/** The duplicate's consent history, joined to the kept contact's: the answer given last stands. */
export const contactConsents: Move = {
  key: 'consents',
  count: (db, orgId, fromId) => countConsentEntries(db, orgId, fromId),
  run: (trx, orgId, fromId, toId) => moveConsentEntries(trx, orgId, fromId, toId),
};
