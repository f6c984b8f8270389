import type { ActivityCounts, ActivityReport, ActivityReportQuery } from '@inbox-crm/shared';
import type { Db } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';
import { userNames } from '../users/index.js';
import { onQuarterHours, periodOf, weeksOf, type Period } from './period.js';
import { rangeOf } from './range.js';
import { allOf, bucket, ownedBy, type Fragment } from './report-sql.js';
import type { ReportScope } from './scope.js';

interface CountRow {
  person: string;
  kind: 'email' | 'call' | 'meeting' | 'note';
  week: string;
  activities: number;
}

const COUNT_OF = { email: 'emails', call: 'calls', meeting: 'meetings', note: 'notes' } as const;
const none = (): ActivityCounts => ({ emails: 0, calls: 0, meetings: 0, notes: 0 });

/** Activities linked to the scope's account, when it names one. */
function onAccount(scope: ReportScope): Fragment {
  return scope.accountId === null
    ? { sql: 'true', bindings: [] }
    : {
        sql: `EXISTS (SELECT 1 FROM activity_links l WHERE l.org_id = a.org_id AND l.activity_id = a.id
               AND l.record_type = 'account' AND l.record_id = ?)`,
        bindings: [scope.accountId],
      };
}

/** The counts from the running quarter-hour counts: exact when the weeks begin on quarter hours. */
async function countedByQuarter(db: Db, scope: ReportScope, period: Period): Promise<CountRow[]> {
  const counted = allOf(ownedBy(scope, 's.person_id'), visibleActivities(scope.viewer, 's'));
  const { rows } = (await db.raw(
    `SELECT s.person_id AS person, s.kind, ${bucket('week', 's.quarter')} AS week, sum(s.activities)::bigint AS activities
     FROM activity_quarter_counts s
     WHERE s.org_id = ? AND s.quarter >= ? AND s.quarter < ? AND ${counted.sql}
     GROUP BY 1, 2, 3`,
    [scope.timeZone, scope.orgId, period.start, period.end, ...counted.bindings],
  )) as { rows: CountRow[] };
  return rows;
}

/** The counts from the activities themselves: for one account's activities (or a week that begins off a quarter hour). */
async function countedFromActivities(db: Db, scope: ReportScope, period: Period): Promise<CountRow[]> {
  const visible = visibleActivities(scope.viewer, 'a');
  const filed = allOf(ownedBy(scope, 'm.filed_by'), visible, onAccount(scope));
  const logged = allOf(ownedBy(scope, 'a.owner_id'), visible, onAccount(scope));
  const { rows } = (await db.raw(
    `SELECT m.filed_by AS person, 'email' AS kind, ${bucket('week', 'm.filed_at')} AS week, count(*) AS activities
     FROM email_messages m
     JOIN activities a ON a.org_id = m.org_id AND a.id = m.activity_id
     WHERE m.org_id = ? AND m.filed_at >= ? AND m.filed_at < ? AND m.filed_by IS NOT NULL
       AND a.deleted_at IS NULL AND ${filed.sql}
     GROUP BY 1, 2, 3
     UNION ALL
     SELECT a.owner_id, a.type, ${bucket('week', 'a.occurred_at')}, count(*)
     FROM activities a
     WHERE a.org_id = ? AND a.type IN ('call', 'meeting', 'note') AND a.occurred_at >= ? AND a.occurred_at < ?
       AND a.owner_id IS NOT NULL AND a.deleted_at IS NULL AND ${logged.sql}
     GROUP BY 1, 2, 3`,
    [
      scope.timeZone,
      scope.orgId,
      period.start,
      period.end,
      ...filed.bindings,
      scope.timeZone,
      scope.orgId,
      period.start,
      period.end,
      ...logged.bindings,
    ],
  )) as { rows: CountRow[] };
  return rows;
}

/**
 * Activity per person per week: the emails each person filed (by when they filed them) and the
 * calls, meetings and notes they own (by when they happened), counting only what the caller may
 * see and nothing in the trash. By default the last eight weeks.
 */
export async function activityReport(
  db: Db,
  scope: ReportScope,
  query: ActivityReportQuery,
): Promise<ActivityReport> {
  const period = periodOf(query, scope.timeZone, (today) => ({
    from: today.startOf('week').minus({ weeks: 7 }),
    to: today,
  }));
  const rows =
    onQuarterHours(period, 'week') && scope.accountId === null
      ? await countedByQuarter(db, scope, period)
      : await countedFromActivities(db, scope, period);

  const weeks = weeksOf(period);
  const names = await userNames(db, scope.orgId);
  const people = new Map<string, Map<string, ActivityCounts>>();
  const countsOf = (person: string) => {
    const ofPerson = people.get(person) ?? new Map(weeks.map((week) => [week, none()]));
    people.set(person, ofPerson);
    return ofPerson;
  };
  for (const person of scope.people ?? []) countsOf(person);
  for (const row of rows) {
    const counts = countsOf(row.person).get(row.week);
    if (counts) counts[COUNT_OF[row.kind]] += row.activities;
  }
  return {
    range: rangeOf(scope, period),
    weeks,
    people: [...people.entries()]
      .map(([id, byWeek]) => {
        const totals = none();
        for (const counts of byWeek.values()) {
          for (const key of Object.keys(totals) as (keyof ActivityCounts)[]) totals[key] += counts[key];
        }
        return {
          person: { id, name: names.get(id) ?? '' },
          totals,
          weeks: [...byWeek.entries()].map(([week, counts]) => ({ week, ...counts })),
        };
      })
      .sort((a, b) => a.person.name.localeCompare(b.person.name)),
  };
}
