import type { Knex } from 'knex';
import type { ActivityType, PageOf, RecordType, TimelineEntry, TimelineQuery } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { decodeTimeCursor, encodeCursor } from '../../db/cursor.js';
import { DEFAULT_PAGE_SIZE } from '../../db/pagination.js';
import { visibleActivities } from '../../db/visibility.js';
import { NotFound } from '../../errors.js';
import { userNames } from '../users/index.js';
import { TIMELINE_ENTRY_COLUMNS, timelineEntry, type TimelineRow } from './timeline-entry-sql.js';

const TABLES: Record<RecordType, { table: string; label: string }> = {
  account: { table: 'accounts', label: 'Account' },
  contact: { table: 'contacts', label: 'Contact' },
  opportunity: { table: 'opportunities', label: 'Opportunity' },
  case: { table: 'cases', label: 'Case' },
};

type EntryRow = TimelineRow & { occurredAt: Date };

/**
 * A record's history, newest first: every activity linked to it that the actor may see, one
 * range scan of the links index per page, narrowed by type, owner and time. The cursor is the
 * (time, id) of the last entry seen.
 */
export async function recordTimeline(
  db: Knex,
  actor: Actor,
  recordType: RecordType,
  recordId: string,
  query: TimelineQuery,
): Promise<PageOf<TimelineEntry>> {
  const { table, label } = TABLES[recordType];
  const record = await db<{ org_id: string; id: string }>(table)
    .where({ org_id: actor.orgId, id: recordId })
    .first('id');
  if (!record) throw new NotFound(label);

  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const types: ActivityType[] =
    query.type === undefined ? [] : Array.isArray(query.type) ? query.type : [query.type];
  const visible = visibleActivities(actor, 'l');
  const cursor = query.cursor ? decodeTimeCursor(query.cursor) : null;
  const result = await db.raw<{ rows: EntryRow[] }>(
    `SELECT ${TIMELINE_ENTRY_COLUMNS}
     FROM activity_links l
     WHERE l.org_id = ? AND l.record_type = ? AND l.record_id = ? AND NOT l.deleted AND ${visible.sql}
       ${types.length > 0 ? 'AND l.activity_type = ANY(CAST(? AS text[]))' : ''}
       ${query.ownerId ? 'AND l.owner_id = ?' : ''}
       ${query.since ? 'AND l.occurred_at >= ?' : ''}
       ${query.until ? 'AND l.occurred_at < ?' : ''}
       ${cursor ? 'AND (l.occurred_at, l.activity_id) < (?, ?)' : ''}
     ORDER BY l.occurred_at DESC, l.activity_id DESC
     LIMIT ?`,
    [
      actor.orgId,
      recordType,
      recordId,
      ...visible.bindings,
      ...(types.length > 0 ? [types] : []),
      ...(query.ownerId ? [query.ownerId] : []),
      ...(query.since ? [new Date(query.since)] : []),
      ...(query.until ? [new Date(query.until)] : []),
      ...(cursor ? [cursor.at, cursor.id] : []),
      limit + 1,
    ],
  );
  const names = await userNames(db, actor.orgId);
  const page = result.rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => timelineEntry(row, names)),
    nextCursor:
      result.rows.length > limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null,
  };
}
