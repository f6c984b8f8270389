import type { AccountSummary } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { isoOrNull, type Db } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';
import { NotFound } from '../../errors.js';

interface SummaryRow {
  id: string;
  open_deals: number;
  pipeline: AccountSummary['openPipeline'];
  open_cases: number;
  last_touch: Date | null;
}

/**
 * The pane's line of context on an account, in one statement of index lookups (open deals and
 * cases by account and status, the latest visible link on the account's timeline); the pane asks
 * for it after the sender view has painted, so it never delays that.
 */
export async function accountSummary(db: Db, actor: Actor, accountId: string): Promise<AccountSummary> {
  const visible = visibleActivities(actor, 'l');
  const { rows } = (await db.raw(
    `SELECT acc.id,
       (SELECT count(*) FROM opportunities o
        WHERE o.org_id = acc.org_id AND o.account_id = acc.id AND o.status = 'open' AND o.deleted_at IS NULL) AS open_deals,
       COALESCE((SELECT json_agg(p ORDER BY p.currency) FROM (
         SELECT o.currency, count(*)::int AS deals, sum(o.amount_minor)::bigint AS "amountMinor"
         FROM opportunities o
         WHERE o.org_id = acc.org_id AND o.account_id = acc.id AND o.status = 'open' AND o.deleted_at IS NULL
           AND o.currency IS NOT NULL
         GROUP BY o.currency) p), '[]'::json) AS pipeline,
       (SELECT count(*) FROM cases k
        WHERE k.org_id = acc.org_id AND k.account_id = acc.id AND k.status IN ('new', 'open', 'pending')
          AND k.deleted_at IS NULL) AS open_cases,
       (SELECT l.occurred_at FROM activity_links l
        WHERE l.org_id = acc.org_id AND l.record_type = 'account' AND l.record_id = acc.id AND NOT l.deleted
          AND l.occurred_at <= now() AND ${visible.sql}
        ORDER BY l.occurred_at DESC LIMIT 1) AS last_touch
     FROM accounts acc
     WHERE acc.org_id = ? AND acc.id = ? AND acc.deleted_at IS NULL`,
    [...visible.bindings, actor.orgId, accountId],
  )) as { rows: SummaryRow[] };
  const row = rows[0];
  if (!row) throw new NotFound('The account');
  return {
    accountId: row.id,
    openDeals: row.open_deals,
    // json_agg answers numbers as JSON numbers; amounts stay below 2^53.
    openPipeline: row.pipeline.map((amount) => ({ ...amount, amountMinor: Number(amount.amountMinor) })),
    openCases: row.open_cases,
    lastTouchAt: isoOrNull(row.last_touch),
  };
}
