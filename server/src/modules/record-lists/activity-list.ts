import type { ActivityListRow, ActivityListViewQuery, ActivityType, NamedRecordRef } from '@inbox-crm/shared';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import { recordNameSql } from '../../db/record-names.js';
import { iso } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';
import { userNames, userRef } from '../users/index.js';
import { whereInTeam, whereOnDays } from './list-periods.js';
import {
  asList,
  likePattern,
  organisationRows,
  whereOwnedBy,
  type ListDefinition,
  metaColumns,
  type SelectedRow,
} from './list-definition.js';

interface Selected extends RecordMetaRow {
  type: ActivityType;
  subject: string;
  at: Date;
  private: boolean;
  owner_id: string | null;
  records: NamedRecordRef[];
}

/** When an activity counts in the activity report: an email when it was filed, the rest when held. */
const AT = 'a.listed_at';

/**
 * Emails, calls, meetings and notes the caller may see (the timelines' privacy rule), newest
 * first: the list an activity report's bar opens, by kind, person or team, account and days.
 * An email's owner is the person who filed it.
 */
export const activityList: ListDefinition<ActivityListViewQuery, ActivityListRow> = {
  alias: 'a',
  sorts: { at: { sql: AT, cast: 'timestamptz', nullable: false } },
  matching(db, actor, query) {
    const builder = organisationRows(db, 'activities', 'a', actor, query.deleted);
    const visible = visibleActivities(actor, 'a');
    builder.whereRaw(visible.sql, visible.bindings);
    whereOwnedBy(db, builder, 'a.owner_id', query.owner, actor);
    whereInTeam(db, builder, 'a.owner_id', query.teamId, actor);
    if (query.type) builder.whereIn('a.type', asList(query.type));
    const { accountId } = query;
    if (accountId) {
      builder.whereExists((linked) => {
        linked
          .select(db.raw('1'))
          .from('activity_links as l')
          .whereRaw(
            "l.org_id = a.org_id AND l.activity_id = a.id AND l.record_type = 'account' AND l.record_id = ?",
            [accountId],
          );
      });
    }
    whereOnDays(builder, AT, { from: query.atFrom, to: query.atTo, timeZone: query.timeZone }, actor);
    const words = query.q?.trim();
    if (words) builder.whereRaw(`a.subject ILIKE ? ESCAPE '\\'`, [likePattern(words)]);
    return builder;
  },
  select(db, builder) {
    builder.select(
      ...metaColumns('a'),
      'a.type',
      'a.subject',
      'a.listed_at as at',
      'a.private',
      'a.owner_id',
      db.raw(
        `(SELECT coalesce(json_agg(json_build_object('type', l.record_type, 'id', l.record_id,
                    'name', coalesce(${recordNameSql('l')}, '')) ORDER BY l.created_at), '[]'::json)
          FROM activity_links l WHERE l.org_id = a.org_id AND l.activity_id = a.id) AS records`,
      ),
    );
  },
  async toRows(db, actor, rows: SelectedRow[]) {
    const names = await userNames(db, actor.orgId);
    return (rows as unknown as Selected[]).map((row) => ({
      ...recordMeta(row),
      type: row.type,
      subject: row.subject,
      at: iso(row.at),
      private: row.private,
      owner: userRef(names, row.owner_id),
      records: row.records,
    }));
  },
};
