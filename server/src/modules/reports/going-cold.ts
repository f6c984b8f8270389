import type { GoingColdReport, GoingColdReportQuery } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { isoOrNull } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';
import { userNames, userRef } from '../users/index.js';
import { allOf, ofAccount, ownedBy } from './report-sql.js';
import type { ReportScope } from './scope.js';

interface ColdRow {
  id: string;
  name: string;
  owner_id: string | null;
  last_touch: Date | null;
  open_deals: number;
  currency: string | null;
  amount_minor: number | null;
}

/**
 * Accounts going cold: the scope's accounts that no activity the caller may see has touched in
 * `days` days (or ever; a meeting booked for later is not a touch yet), those with the largest open deal first, then the longest untouched.
 * Amounts in different currencies are compared as written (no exchange rates are kept); each is
 * shown in its own currency.
 */
export async function goingColdReport(
  db: Db,
  scope: ReportScope,
  query: GoingColdReportQuery,
): Promise<GoingColdReport> {
  const days = query.days ?? 30;
  const limit = query.limit ?? 50;
  const visible = visibleActivities(scope.viewer, 'l');
  const accounts = allOf(ownedBy(scope, 'acc.owner_id'), ofAccount(scope, 'acc.id'));
  const { rows } = (await db.raw(
    `SELECT acc.id, acc.name, acc.owner_id, touch.occurred_at AS last_touch,
            deals.open_deals, largest.currency, largest.amount_minor
     FROM accounts acc
     LEFT JOIN LATERAL (
       SELECT l.occurred_at FROM activity_links l
       WHERE l.org_id = acc.org_id AND l.record_type = 'account' AND l.record_id = acc.id AND NOT l.deleted
         AND l.occurred_at <= now()
         AND ${visible.sql}
       ORDER BY l.occurred_at DESC LIMIT 1
     ) touch ON true
     CROSS JOIN LATERAL (
       SELECT count(*) AS open_deals FROM opportunities o
       WHERE o.org_id = acc.org_id AND o.account_id = acc.id AND o.status = 'open' AND o.deleted_at IS NULL
     ) deals
     LEFT JOIN LATERAL (
       SELECT o.currency, o.amount_minor FROM opportunities o
       WHERE o.org_id = acc.org_id AND o.account_id = acc.id AND o.status = 'open' AND o.deleted_at IS NULL
         AND o.amount_minor IS NOT NULL
       ORDER BY o.amount_minor DESC LIMIT 1
     ) largest ON true
     WHERE acc.org_id = ? AND acc.deleted_at IS NULL AND acc.merged_into_id IS NULL AND ${accounts.sql}
       AND (touch.occurred_at IS NULL OR touch.occurred_at < now() - make_interval(days => ?))
     ORDER BY largest.amount_minor DESC NULLS LAST, deals.open_deals DESC,
              touch.occurred_at ASC NULLS FIRST, acc.name, acc.id
     LIMIT ?`,
    [...visible.bindings, scope.orgId, ...accounts.bindings, days, limit + 1],
  )) as { rows: ColdRow[] };
  const names = await userNames(db, scope.orgId);
  return {
    days,
    accounts: rows.slice(0, limit).map((row) => ({
      accountId: row.id,
      name: row.name,
      owner: userRef(names, row.owner_id),
      lastTouchAt: isoOrNull(row.last_touch),
      openDeals: row.open_deals,
      largestOpenDeal:
        row.currency === null || row.amount_minor === null
          ? null
          : { currency: row.currency, amountMinor: row.amount_minor },
    })),
    more: rows.length > limit,
  };
}
