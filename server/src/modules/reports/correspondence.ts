import type { CorrespondenceReport, CorrespondenceReportQuery } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';
import { monthsOf, periodOf, wholeMonths } from './period.js';
import { rangeOf } from './range.js';
import { allOf, ofAccount, ownedBy } from './report-sql.js';
import type { ReportScope } from './scope.js';

/** Live email linked to an account, sent in the period: the condition the report's indexes cover. */
const ACCOUNT_MAIL_IN_PERIOD = `l.org_id = ? AND l.record_type = 'account' AND l.activity_type = 'email'
  AND NOT l.deleted AND l.occurred_at >= ? AND l.occurred_at < ?`;

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
  const inPeriod = [scope.orgId, period.start, period.end];
  // The period's mail is counted per account from an index alone; only the top accounts' mail is
  // read again, for its months and writers.
  const { rows } = (await db.raw(
    `WITH counts AS (
       SELECT l.record_id AS account_id, count(*) AS emails
       FROM activity_links l
       WHERE ${ACCOUNT_MAIL_IN_PERIOD} AND ${mail.sql}
       GROUP BY 1
     ), top AS (
       SELECT c.account_id, acc.name
       FROM counts c
       JOIN accounts acc ON acc.org_id = ? AND acc.id = c.account_id AND acc.deleted_at IS NULL
       ORDER BY c.emails DESC, c.account_id
       LIMIT ?
     ), mail AS (
       SELECT t.account_id, t.name, l.occurred_at, l.from_email
       FROM top t
       JOIN activity_links l ON l.record_id = t.account_id
       WHERE ${ACCOUNT_MAIL_IN_PERIOD} AND ${mail.sql}
     )
     SELECT account_id, name, to_char(occurred_at AT TIME ZONE ?, 'YYYY-MM') AS month, count(*) AS emails,
            NULL AS writer_id, NULL AS writer_name
     FROM mail
     GROUP BY 1, 2, 3
     UNION ALL
     SELECT mail.account_id, mail.name, NULL, count(*), u.id, u.name
     FROM mail
     JOIN users u ON u.org_id = ? AND u.email = lower(mail.from_email)
     WHERE ${writers.sql}
     GROUP BY mail.account_id, mail.name, u.id, u.name`,
    [
      ...inPeriod,
      ...mail.bindings,
      scope.orgId,
      query.limit ?? 20,
      ...inPeriod,
      ...mail.bindings,
      scope.timeZone,
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
