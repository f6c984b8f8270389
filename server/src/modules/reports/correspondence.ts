import type { CorrespondenceReport, CorrespondenceReportQuery } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';
import { monthsOf, periodOf, wholeMonths } from './period.js';
import { rangeOf } from './range.js';
import { allOf, ofAccount, ownedBy } from './report-sql.js';
import type { ReportScope } from './scope.js';

interface MailRow {
  account_id: string;
  name: string;
  emails: number;
  month: string | null;
  writer_id: string | null;
  writer_name: string | null;
}

/**
 * Correspondence: the accounts with the most email filed to them in the period (by when it was
 * sent, whole months, by default the last six), each month's count, and which of our people wrote
 * to each — the manager's "who talks to this customer". Counts the mail the scope's people filed
 * that the caller may see; writers are the scope's people, matched by their address.
 */
export async function correspondenceReport(
  db: Db,
  scope: ReportScope,
  query: CorrespondenceReportQuery,
): Promise<CorrespondenceReport> {
  const period = wholeMonths(
    periodOf(query, scope.timeZone, (today) => ({ from: today.minus({ months: 5 }), to: today })),
  );
  const mail = allOf(
    ownedBy(scope, 'l.owner_id'),
    ofAccount(scope, 'l.record_id'),
    visibleActivities(scope.viewer, 'l'),
  );
  const writers = ownedBy(scope, 'u.id');
  const { rows } = (await db.raw(
    `WITH mail AS (
       SELECT l.record_id AS account_id, l.occurred_at, l.from_email
       FROM activity_links l
       JOIN accounts acc ON acc.org_id = l.org_id AND acc.id = l.record_id AND acc.deleted_at IS NULL
       WHERE l.org_id = ? AND l.record_type = 'account' AND l.activity_type = 'email' AND NOT l.deleted
         AND l.occurred_at >= ? AND l.occurred_at < ? AND ${mail.sql}
     ), top AS (
       SELECT account_id, count(*) AS emails FROM mail GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?
     )
     SELECT t.account_id, acc.name, m.emails, m.month, NULL AS writer_id, NULL AS writer_name
     FROM top t
     JOIN accounts acc ON acc.org_id = ? AND acc.id = t.account_id
     JOIN LATERAL (
       SELECT to_char(mail.occurred_at AT TIME ZONE ?, 'YYYY-MM') AS month, count(*) AS emails
       FROM mail WHERE mail.account_id = t.account_id GROUP BY 1
     ) m ON true
     UNION ALL
     SELECT t.account_id, acc.name, count(*), NULL, u.id, u.name
     FROM top t
     JOIN accounts acc ON acc.org_id = ? AND acc.id = t.account_id
     JOIN mail ON mail.account_id = t.account_id
     JOIN users u ON u.org_id = ? AND u.email = lower(mail.from_email)
     WHERE ${writers.sql}
     GROUP BY t.account_id, acc.name, u.id, u.name`,
    [
      scope.orgId,
      period.start,
      period.end,
      ...mail.bindings,
      query.limit ?? 20,
      scope.orgId,
      scope.timeZone,
      scope.orgId,
      scope.orgId,
      ...writers.bindings,
    ],
  )) as { rows: MailRow[] };

  const months = monthsOf(period);
  const accounts = new Map<string, CorrespondenceReport['accounts'][number]>();
  for (const row of rows) {
    const account = accounts.get(row.account_id) ?? {
      accountId: row.account_id,
      name: row.name,
      emails: 0,
      months: months.map((month) => ({ month, emails: 0 })),
      writers: [],
    };
    accounts.set(row.account_id, account);
    if (row.writer_id !== null) {
      account.writers.push({
        person: { id: row.writer_id, name: row.writer_name ?? '' },
        emails: row.emails,
      });
    } else {
      account.emails += row.emails;
      const month = account.months.find((figures) => figures.month === row.month);
      if (month) month.emails = row.emails;
    }
  }
  for (const account of accounts.values()) {
    account.writers.sort((a, b) => b.emails - a.emails || a.person.name.localeCompare(b.person.name));
  }
  return {
    range: rangeOf(scope, period),
    months,
    accounts: [...accounts.values()].sort((a, b) => b.emails - a.emails || a.name.localeCompare(b.name)),
  };
}
