import type { NamedRecordRef } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';

export interface RecentMailRow {
  id: string;
  subject: string;
  snippet: string;
  sentAt: Date;
  fromEmail: string | null;
  fromName: string | null;
  private: boolean;
  records: NamedRecordRef[];
}

/** The caller's live records of every type, named: what "filed to my records" means. */
const OWNED_RECORDS = `
  SELECT 'account'::text AS record_type, a.id, a.name FROM accounts a
    WHERE a.org_id = ? AND a.owner_id = ? AND a.deleted_at IS NULL
  UNION ALL
  SELECT 'contact', c.id, trim(c.first_name || ' ' || c.last_name) FROM contacts c
    WHERE c.org_id = ? AND c.owner_id = ? AND c.deleted_at IS NULL
  UNION ALL
  SELECT 'opportunity', o.id, o.name FROM opportunities o
    WHERE o.org_id = ? AND o.owner_id = ? AND o.deleted_at IS NULL
  UNION ALL
  SELECT 'case', k.id, k.subject FROM cases k
    WHERE k.org_id = ? AND k.owner_id = ? AND k.deleted_at IS NULL`;

/**
 * The newest emails filed to records the actor owns, each once with the records of theirs it is
 * filed to; private mail only as the timelines show it (visibleActivities), whoever owns the record.
 */
export async function recentMailRows(db: Db, actor: Actor, limit: number): Promise<RecentMailRow[]> {
  const visible = visibleActivities(actor, 'l');
  const owner = [actor.orgId, actor.userId];
  const result = await db.raw<{ rows: RecentMailRow[] }>(
    `WITH mine AS (${OWNED_RECORDS})
     SELECT l.activity_id AS id, l.subject, l.snippet, l.occurred_at AS "sentAt",
       l.from_email AS "fromEmail", l.from_name AS "fromName", l.private,
       json_agg(json_build_object('type', m.record_type, 'id', m.id, 'name', m.name)
         ORDER BY m.record_type, m.name) AS records
     FROM mine m
     JOIN activity_links l ON l.org_id = ? AND l.record_type = m.record_type AND l.record_id = m.id
     WHERE l.activity_type = 'email' AND NOT l.deleted AND ${visible.sql}
     GROUP BY l.activity_id, l.subject, l.snippet, l.occurred_at, l.from_email, l.from_name, l.private
     ORDER BY l.occurred_at DESC, l.activity_id DESC
     LIMIT ${Number(limit)}`,
    [...owner, ...owner, ...owner, ...owner, actor.orgId, ...visible.bindings],
  );
  return result.rows;
}
