import type { FiledEmail, NamedRecordRef } from '@inbox-crm/shared';
import { recordNameSql } from '../../db/record-names.js';
import { iso, type Db } from '../../db/types.js';
import type { SqlFragment } from '../../db/visibility.js';

interface FiledEmailRow {
  id: string;
  subject: string;
  snippet: string;
  private: boolean;
  from_email: string;
  from_name: string | null;
  sent_at: Date;
  filed_at: Date;
  filed_by: string | null;
  filed_by_name: string | null;
  mailbox: string | null;
  links: NamedRecordRef[];
}

export interface FiledEmailsFilter {
  orgId: string;
  /** Which filers: one user, the members of a team, or everyone. */
  filers: { userId: string } | { teamId: string } | 'everyone';
  visible: SqlFragment;
  beforeId: string | null;
  limit: number;
}

function filerCondition(filers: FiledEmailsFilter['filers']): SqlFragment {
  if (filers === 'everyone') return { sql: 'true', bindings: [] };
  if ('userId' in filers) return { sql: 'm.filed_by = ?', bindings: [filers.userId] };
  return {
    sql: 'm.filed_by IN (SELECT tm.id FROM users tm WHERE tm.org_id = m.org_id AND tm.team_id = ?)',
    bindings: [filers.teamId],
  };
}

/** Filed emails newest first (ids are time-ordered), each with the records it is filed to. */
export async function listFiledEmails(db: Db, filter: FiledEmailsFilter): Promise<FiledEmail[]> {
  const filers = filerCondition(filter.filers);
  const result = await db.raw<{ rows: FiledEmailRow[] }>(
    `SELECT a.id, a.subject, a.snippet, a.private, m.from_email, m.from_name, m.sent_at, m.filed_at,
            m.filed_by, u.name AS filed_by_name, m.mailbox,
            (SELECT coalesce(json_agg(json_build_object('type', l.record_type, 'id', l.record_id,
                      'name', coalesce(${recordNameSql('l')}, '')) ORDER BY l.created_at), '[]'::json)
             FROM activity_links l WHERE l.org_id = a.org_id AND l.activity_id = a.id) AS links
     FROM email_messages m
     JOIN activities a ON a.org_id = m.org_id AND a.id = m.activity_id
     LEFT JOIN users u ON u.org_id = m.org_id AND u.id = m.filed_by
     WHERE m.org_id = ? AND a.deleted_at IS NULL AND ${filers.sql} AND ${filter.visible.sql}
       ${filter.beforeId ? 'AND m.activity_id < ?' : ''}
     ORDER BY m.activity_id DESC
     LIMIT ?`,
    [
      filter.orgId,
      ...filers.bindings,
      ...filter.visible.bindings,
      ...(filter.beforeId ? [filter.beforeId] : []),
      filter.limit,
    ],
  );
  return result.rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    snippet: row.snippet,
    from: { email: row.from_email, name: row.from_name },
    sentAt: iso(row.sent_at),
    filedAt: iso(row.filed_at),
    filedBy: row.filed_by ? { id: row.filed_by, name: row.filed_by_name ?? '' } : null,
    mailbox: row.mailbox,
    private: row.private,
    links: row.links,
  }));
}
