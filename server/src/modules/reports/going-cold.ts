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
  // The scope's accounts ranked by their open deals first, so the touches are looked up in that
  // order and only until enough cold accounts are found (an incremental sort, not all accounts).
  const { rows } = (await db.raw(
    `WITH deals AS (
       SELECT o.account_id, count(*) AS open_deals, max(o.amount_minor) AS largest
       FROM opportunities o
       WHERE o.org_id = ? AND o.status = 'open' AND o.deleted_at IS NULL AND o.account_id IS NOT NULL
       GROUP BY 1
     ), ranked AS (
       SELECT acc.org_id, acc.id, acc.name, acc.owner_id, coalesce(d.open_deals, 0) AS open_deals, d.largest
       FROM accounts acc
       LEFT JOIN deals d ON d.account_id = acc.id
       WHERE acc.org_id = ? AND acc.deleted_at IS NULL AND acc.merged_into_id IS NULL AND ${accounts.sql}
       ORDER BY d.largest DESC NULLS LAST, open_deals DESC
     ), cold AS (
       SELECT r.*, touch.occurred_at AS last_touch
       FROM ranked r
       LEFT JOIN LATERAL (
         SELECT l.occurred_at FROM activity_links l
         WHERE l.org_id = r.org_id AND l.record_type = 'account' AND l.record_id = r.id AND NOT l.deleted
           AND l.occurred_at <= now()
           AND ${visible.sql}
         ORDER BY l.occurred_at DESC LIMIT 1
       ) touch ON true
       WHERE touch.occurred_at IS NULL OR touch.occurred_at < now() - make_interval(days => ?)
       ORDER BY r.largest DESC NULLS LAST, r.open_deals DESC, touch.occurred_at ASC NULLS FIRST, r.name, r.id
       LIMIT ?
     )
     SELECT cold.id, cold.name, cold.owner_id, cold.last_touch, cold.open_deals,
            largest.currency, largest.amount_minor
     FROM cold
     LEFT JOIN LATERAL (
       SELECT o.currency, o.amount_minor FROM opportunities o
       WHERE o.org_id = cold.org_id AND o.account_id = cold.id AND o.status = 'open' AND o.deleted_at IS NULL
         AND o.amount_minor = cold.largest
       LIMIT 1
     ) largest ON true
     ORDER BY cold.largest DESC NULLS LAST, cold.open_deals DESC, cold.last_touch ASC NULLS FIRST,
              cold.name, cold.id`,
    [scope.orgId, scope.orgId, ...accounts.bindings, ...visible.bindings, days, limit + 1],
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
