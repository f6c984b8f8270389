import type { ActivityType, RecordType, TimelineQuery } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { decodeTimeCursor } from '../../db/cursor.js';
import type { Db } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';
import { TIMELINE_ENTRY_COLUMNS, type TimelineRow } from './timeline-entry-sql.js';

const TABLES: Record<RecordType, string> = {
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  case: 'cases',
};

export type EntryRow = TimelineRow & { occurredAt: Date };

/** Whether the record exists in the organisation (live or in the trash: its history stays readable). */
export async function recordExists(
  db: Db,
  orgId: string,
  recordType: RecordType,
  id: string,
): Promise<boolean> {
  return (await db(TABLES[recordType]).where({ org_id: orgId, id }).first('id')) !== undefined;
}

/**
 * Up to `limit` entries of a record's history, newest first: every activity linked to it that the
 * actor may see, one range scan of the links index, narrowed by type, owner, time and the cursor
 * (the time and id of the last entry seen).
 */
export async function timelineRows(
  db: Db,
  actor: Actor,
  recordType: RecordType,
  recordId: string,
  query: TimelineQuery,
  limit: number,
): Promise<EntryRow[]> {
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
      limit,
    ],
  );
  return result.rows;
}
