import {
  CASE_AGE_BUCKETS,
  CASE_AGE_DAYS,
  type CaseAgeBucket,
  type CasePriority,
  type CaseReport,
  type CaseReportQuery,
} from '@inbox-crm/shared';
import { DateTime } from 'luxon';
import type { Db } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';
import { periodOf, weeksOf, type Period } from './period.js';
import { rangeOf } from './range.js';
import { allOf, asList, bucket, type Fragment, median, ofAccount, ownedBy } from './report-sql.js';
import type { ReportScope } from './scope.js';

function casesOf(scope: ReportScope, query: CaseReportQuery): Fragment {
  const priorities = asList(query.priority);
  return allOf(
    ownedBy(scope, 'c.owner_id'),
    ofAccount(scope, 'c.account_id'),
    priorities
      ? { sql: 'c.priority = ANY(?::text[])', bindings: [priorities] }
      : { sql: 'true', bindings: [] },
  );
}

/** Cases opened (created) and resolved (went from an open status to resolved or closed) each week. */
async function weekly(db: Db, scope: ReportScope, period: Period, cases: Fragment) {
  const { rows } = (await db.raw(
    `SELECT ${bucket('week', 'c.created_at')} AS week, 'opened' AS what, count(*) AS cases
     FROM cases c
     WHERE c.org_id = ? AND c.deleted_at IS NULL AND c.created_at >= ? AND c.created_at < ? AND ${cases.sql}
     GROUP BY 1
     UNION ALL
     SELECT ${bucket('week', 'h.entered_at')}, 'resolved', count(*)
     FROM case_status_history h
     JOIN cases c ON c.org_id = h.org_id AND c.id = h.case_id
     WHERE h.org_id = ? AND h.resolves AND h.entered_at >= ? AND h.entered_at < ? AND c.deleted_at IS NULL
       AND ${cases.sql}
     GROUP BY 1`,
    [
      scope.timeZone,
      scope.orgId,
      period.start,
      period.end,
      ...cases.bindings,
      scope.timeZone,
      scope.orgId,
      period.start,
      period.end,
      ...cases.bindings,
    ],
  )) as { rows: { week: string; what: 'opened' | 'resolved'; cases: number }[] };
  const byWeek = new Map(weeksOf(period).map((week) => [week, { week, opened: 0, resolved: 0 }]));
  for (const row of rows) {
    const counts = byWeek.get(row.week);
    if (counts) counts[row.what] += row.cases;
  }
  return [...byWeek.values()];
}

/** Each age bucket as a SQL condition on `age`, the whole days a case has been open. */
const AGE_BUCKET_SQL = `CASE ${CASE_AGE_BUCKETS.map((age) => {
  const { min, max } = CASE_AGE_DAYS[age];
  return max === null ? `WHEN age >= ${min} THEN '${age}'` : `WHEN age <= ${max} THEN '${age}'`;
}).join(' ')} END`;

/**
 * The open cases now, by how many days of the report's time zone they have been open and by
 * priority; and today, the day those ages count back from.
 */
async function openByAge(db: Db, scope: ReportScope, cases: Fragment) {
  const today = DateTime.now().setZone(scope.timeZone).toISODate()!;
  const { rows } = (await db.raw(
    `SELECT ${AGE_BUCKET_SQL} AS age, priority, count(*) AS cases
     FROM (
       SELECT ?::date - (c.created_at AT TIME ZONE ?)::date AS age, c.priority
       FROM cases c
       WHERE c.org_id = ? AND c.deleted_at IS NULL AND c.status IN ('new', 'open', 'pending') AND ${cases.sql}
     ) open_cases
     GROUP BY 1, 2`,
    [today, scope.timeZone, scope.orgId, ...cases.bindings],
  )) as { rows: { age: CaseAgeBucket; priority: CasePriority; cases: number }[] };
  return { today, openByAge: rows };
}

/**
 * Of the cases opened in the period: how long until our first response — the first call or
 * meeting linked to the case, or email to it from one of our own addresses or domains — and,
 * for those resolved now, until they were resolved (their latest resolution).
 */
async function responseTimes(db: Db, scope: ReportScope, period: Period, cases: Fragment) {
  const visible = visibleActivities(scope.viewer, 'l');
  const { rows } = (await db.raw(
    `WITH opened AS (
       SELECT c.org_id, c.id, c.created_at, c.status FROM cases c
       WHERE c.org_id = ? AND c.deleted_at IS NULL AND c.created_at >= ? AND c.created_at < ? AND ${cases.sql}
     ), answered AS (
       SELECT o.id, min(l.occurred_at) - o.created_at AS wait
       FROM opened o
       JOIN activity_links l ON l.org_id = o.org_id AND l.record_type = 'case' AND l.record_id = o.id
       JOIN organisations org ON org.id = o.org_id
       WHERE NOT l.deleted AND l.occurred_at >= o.created_at AND ${visible.sql}
         AND (l.activity_type IN ('call', 'meeting')
              OR (l.activity_type = 'email'
                  AND (lower(split_part(l.from_email, '@', 2)) = ANY(org.own_domains)
                       OR EXISTS (SELECT 1 FROM users u WHERE u.org_id = o.org_id AND u.email = lower(l.from_email)))))
       GROUP BY o.id, o.created_at
     ), resolved AS (
       SELECT o.id, max(h.entered_at) - o.created_at AS took
       FROM opened o
       JOIN case_status_history h ON h.org_id = o.org_id AND h.case_id = o.id AND h.resolves
       WHERE o.status IN ('resolved', 'closed')
       GROUP BY o.id, o.created_at
     )
     SELECT (SELECT count(*) FROM opened) AS opened,
            (SELECT count(*) FROM answered) AS answered,
            (SELECT ${median('wait', 'hours')} FROM answered) AS response_hours,
            (SELECT count(*) FROM resolved) AS resolved,
            (SELECT ${median('took', 'hours')} FROM resolved) AS resolution_hours`,
    [scope.orgId, period.start, period.end, ...cases.bindings, ...visible.bindings],
  )) as {
    rows: {
      opened: number;
      answered: number;
      response_hours: number | null;
      resolved: number;
      resolution_hours: number | null;
    }[];
  };
  const row = rows[0]!;
  return {
    firstResponse: {
      answered: row.answered,
      unanswered: row.opened - row.answered,
      medianHours: row.response_hours,
    },
    resolution: { resolved: row.resolved, medianHours: row.resolution_hours },
  };
}

/**
 * Cases: opened against resolved each week of the period (by default the last twelve weeks),
 * the open cases by age and priority, and the median times to first response and to resolution.
 */
export async function caseReport(db: Db, scope: ReportScope, query: CaseReportQuery): Promise<CaseReport> {
  const period = periodOf(query, scope.timeZone, (today) => ({
    from: today.startOf('week').minus({ weeks: 11 }),
    to: today,
  }));
  const cases = casesOf(scope, query);
  return {
    range: rangeOf(scope, period),
    weeks: await weekly(db, scope, period, cases),
    ...(await openByAge(db, scope, cases)),
    ...(await responseTimes(db, scope, period, cases)),
  };
}
