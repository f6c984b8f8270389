import type { Activity, ActivityListQuery, ActivityType, PageOf, RecordRef } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { pageById } from '../../db/pagination.js';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import { iso, type Db } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';

interface ActivityRow extends RecordMetaRow {
  type: ActivityType;
  subject: string;
  body: string | null;
  occurred_at: Date;
  duration_minutes: number | null;
  outcome: string | null;
  direction: 'inbound' | 'outbound' | null;
  owner_id: string | null;
  private: boolean;
  links: RecordRef[];
}

export interface ActivityColumns {
  type?: ActivityType;
  subject?: string;
  body?: string | null;
  snippet?: string;
  occurred_at?: string | Date;
  duration_minutes?: number | null;
  outcome?: string | null;
  direction?: 'inbound' | 'outbound' | null;
  owner_id?: string | null;
  private?: boolean;
  message_key?: string;
  occurrence_key?: string;
}

const SNIPPET_LENGTH = 200;

/**
 * The start of a body as one line, for timelines. Only as much of the body is read as the snippet
 * needs (a filed email's body can be megabytes): a longer head is taken only while runs of spaces
 * leave the snippet short.
 */
export function snippetOf(text: string | null | undefined): string {
  if (!text) return '';
  for (let head = 4 * SNIPPET_LENGTH; ; head *= 8) {
    const line = text.slice(0, head).replace(/\s+/g, ' ').trim();
    // One character more than the snippet: the cut never falls in the space a longer head would trim.
    if (line.length > SNIPPET_LENGTH || head >= text.length) return line.slice(0, SNIPPET_LENGTH);
  }
}

const toActivity = (row: ActivityRow): Activity => ({
  ...recordMeta(row),
  type: row.type,
  subject: row.subject,
  body: row.body,
  occurredAt: iso(row.occurred_at),
  durationMinutes: row.duration_minutes,
  outcome: row.outcome,
  direction: row.direction,
  ownerId: row.owner_id,
  private: row.private,
  links: row.links,
});

function selectActivities(db: Db, orgId: string) {
  return db('activities as a')
    .where('a.org_id', orgId)
    .select(
      'a.*',
      db.raw(
        `COALESCE((SELECT json_agg(json_build_object('type', l.record_type, 'id', l.record_id) ORDER BY l.record_type, l.record_id)
           FROM activity_links l WHERE l.org_id = a.org_id AND l.activity_id = a.id), '[]'::json) AS links`,
      ),
    );
}

export async function loadActivity(db: Db, orgId: string, id: string): Promise<Activity | undefined> {
  const row = (await selectActivities(db, orgId).where('a.id', id).first()) as ActivityRow | undefined;
  return row && toActivity(row);
}

export function listActivities(db: Db, actor: Actor, query: ActivityListQuery): Promise<PageOf<Activity>> {
  const builder = selectActivities(db, actor.orgId);
  const visible = visibleActivities(actor, 'a');
  builder.whereRaw(visible.sql, visible.bindings);
  if (query.deleted) builder.whereNotNull('a.deleted_at');
  else builder.whereNull('a.deleted_at');
  if (query.type) builder.where('a.type', query.type);
  if (query.ownerId) builder.where('a.owner_id', query.ownerId);
  if (query.recordType && query.recordId) {
    builder.whereExists(
      db('activity_links as l')
        .whereRaw('l.org_id = a.org_id AND l.activity_id = a.id')
        .where({ 'l.record_type': query.recordType, 'l.record_id': query.recordId }),
    );
  }
  return pageById(builder, { ...query, idColumn: 'a.id' }, toActivity);
}

export async function insertActivity(
  db: Db,
  orgId: string,
  id: string,
  columns: ActivityColumns,
): Promise<void> {
  await db('activities').insert({ org_id: orgId, id, ...columns });
}

export async function updateActivityColumns(
  db: Db,
  orgId: string,
  id: string,
  columns: ActivityColumns,
): Promise<void> {
  if (Object.keys(columns).length > 0) await db('activities').where({ org_id: orgId, id }).update(columns);
}
