import type { Knex } from 'knex';
import {
  RECORD_TYPE_NAMES,
  type PageOf,
  type RecordType,
  type TimelineEntry,
  type TimelineQuery,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { encodeCursor } from '../../db/cursor.js';
import { DEFAULT_PAGE_SIZE } from '../../db/pagination.js';
import { NotFound } from '../../errors.js';
import { userNames } from '../users/index.js';
import { recordExists, timelineRows } from './repository.js';
import { timelineEntry } from './timeline-entry-sql.js';

/** A record's history, newest first, a page at a time: what the actor may see of it. */
export async function recordTimeline(
  db: Knex,
  actor: Actor,
  recordType: RecordType,
  recordId: string,
  query: TimelineQuery,
): Promise<PageOf<TimelineEntry>> {
  if (!(await recordExists(db, actor.orgId, recordType, recordId)))
    throw new NotFound(RECORD_TYPE_NAMES[recordType]);

  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const rows = await timelineRows(db, actor, recordType, recordId, query, limit + 1);
  const names = await userNames(db, actor.orgId);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => timelineEntry(row, names)),
    nextCursor: rows.length > limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null,
  };
}
