import type { Knex } from 'knex';
import type { MatchKind, NamedRecordRef, RecordType, SenderView, TimelineEntry } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { isoSql, userRefSql } from '../../db/json-sql.js';
import { preparedStatement } from '../../db/prepared-statement.js';
import { recordNameSql } from '../../db/record-names.js';
import { textArray, type Db } from '../../db/types.js';
import { visibleActivities } from '../../db/visibility.js';
import { TIMELINE_ENTRY_COLUMNS } from '../timeline/timeline-entry-sql.js';

/** One counterpart to look up: an address with its registrable domain (null for free-mail), or a phone. */
export interface LookupCandidate {
  address: string | null;
  domain: string | null;
  phone: string | null;
}

export interface SenderRow {
  ord: number;
  match: MatchKind;
  matched_domain: string | null;
  contact: SenderView['contact'];
  account: SenderView['account'];
  opportunities: SenderView['opportunities'];
  cases: SenderView['cases'];
  tasks: SenderView['tasks'];
  timeline: TimelineEntry[];
}

const OPEN_ITEMS_LIMIT = 20;

/**
 * Everything the sender view shows, for every candidate, in one statement: the match (contact by
 * exact address or phone, else account by domain or phone), then per match its open
 * opportunities, open cases, open tasks and latest visible timeline entries.
 */
export async function senderRows(
  db: Db,
  actor: Actor,
  candidates: readonly LookupCandidate[],
  timelineLimit: number,
): Promise<SenderRow[]> {
  const visible = visibleActivities(actor, 'a');
  const sql = `
    WITH input AS (
      SELECT CAST(? AS uuid) AS org_id, i.address, i.domain, i.phone, i.ord
      FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) WITH ORDINALITY AS i(address, domain, phone, ord)
    ),
    matched AS (
      SELECT i.org_id, i.ord, c.id AS contact_id, COALESCE(c.account_id, da.id) AS account_id, da.domain AS matched_domain,
        CASE WHEN c.id IS NOT NULL THEN 'contact' WHEN da.id IS NOT NULL THEN 'account' ELSE 'none' END AS match
      FROM input i
      LEFT JOIN LATERAL (
        SELECT c.id, c.account_id FROM contacts c
        WHERE c.org_id = i.org_id AND c.deleted_at IS NULL AND c.id IN (
          SELECT e.contact_id FROM contact_emails e WHERE e.org_id = i.org_id AND e.email = i.address
          UNION ALL
          SELECT p.contact_id FROM contact_phones p WHERE p.org_id = i.org_id AND p.phone = i.phone)
        ORDER BY c.updated_at DESC LIMIT 1
      ) c ON true
      LEFT JOIN LATERAL (
        SELECT a.id, d.domain FROM accounts a
        LEFT JOIN account_domains d ON d.org_id = a.org_id AND d.account_id = a.id AND d.domain = i.domain
        WHERE c.id IS NULL AND a.org_id = i.org_id AND a.deleted_at IS NULL
          AND (d.domain IS NOT NULL OR (i.phone IS NOT NULL AND a.phone = i.phone))
        ORDER BY a.updated_at DESC LIMIT 1
      ) da ON true
    )
    SELECT m.ord, m.match, m.matched_domain,
      (SELECT json_build_object(
          'id', c.id, 'name', trim(c.first_name || ' ' || c.last_name), 'firstName', c.first_name, 'lastName', c.last_name,
          'title', c.title, 'accountId', c.account_id,
          'emails', ARRAY(SELECT e.email FROM contact_emails e WHERE e.org_id = c.org_id AND e.contact_id = c.id ORDER BY e.position, e.email),
          'phones', COALESCE((SELECT json_agg(json_build_object('number', p.phone, 'label', p.label) ORDER BY p.position)
                              FROM contact_phones p WHERE p.org_id = c.org_id AND p.contact_id = c.id), '[]'::json),
          'owner', ${userRefSql('c.org_id', 'c.owner_id')})
        FROM contacts c WHERE c.org_id = m.org_id AND c.id = m.contact_id) AS contact,
      (SELECT json_build_object(
          'id', a.id, 'name', a.name, 'website', a.website, 'phone', a.phone,
          'domains', ARRAY(SELECT d.domain FROM account_domains d WHERE d.org_id = a.org_id AND d.account_id = a.id ORDER BY d.domain),
          'owner', ${userRefSql('a.org_id', 'a.owner_id')})
        FROM accounts a WHERE a.org_id = m.org_id AND a.id = m.account_id AND a.deleted_at IS NULL) AS account,
      COALESCE((SELECT json_agg(o) FROM (
          SELECT o.id, o.name, s.name AS stage, o.amount_minor AS "amountMinor", o.currency, o.close_date AS "closeDate", o.probability
          FROM opportunities o JOIN pipeline_stages s ON s.org_id = o.org_id AND s.id = o.stage_id
          WHERE o.org_id = m.org_id AND o.status = 'open' AND o.deleted_at IS NULL
            AND (o.account_id = m.account_id OR o.contact_id = m.contact_id)
          ORDER BY o.close_date NULLS LAST, o.id LIMIT ${OPEN_ITEMS_LIMIT}) o), '[]'::json) AS opportunities,
      COALESCE((SELECT json_agg(k) FROM (
          SELECT k.id, k.subject, k.status, k.priority, ${isoSql('k.updated_at')} AS "updatedAt"
          FROM cases k
          WHERE k.org_id = m.org_id AND k.status IN ('new', 'open', 'pending') AND k.deleted_at IS NULL
            AND (k.account_id = m.account_id OR k.contact_id = m.contact_id)
          ORDER BY k.updated_at DESC LIMIT ${OPEN_ITEMS_LIMIT}) k), '[]'::json) AS cases,
      COALESCE((SELECT json_agg(t) FROM (
          SELECT t.id, t.title, ${isoSql('t.due_at')} AS "dueAt", t.priority, ${userRefSql('t.org_id', 't.assignee_id')} AS assignee
          FROM tasks t
          WHERE t.org_id = m.org_id AND NOT t.done AND t.deleted_at IS NULL
            AND (t.contact_id = m.contact_id OR t.account_id = m.account_id)
          ORDER BY t.due_at NULLS LAST, t.id LIMIT ${OPEN_ITEMS_LIMIT}) t), '[]'::json) AS tasks,
      COALESCE((SELECT json_agg(h) FROM (
          SELECT ${TIMELINE_ENTRY_COLUMNS}
          FROM activity_links l JOIN activities a ON a.org_id = l.org_id AND a.id = l.activity_id
          WHERE l.org_id = m.org_id AND m.match <> 'none'
            AND l.record_type = CASE WHEN m.contact_id IS NOT NULL THEN 'contact' ELSE 'account' END
            AND l.record_id = COALESCE(m.contact_id, m.account_id)
            AND a.deleted_at IS NULL AND ${visible.sql}
          ORDER BY l.occurred_at DESC, l.activity_id DESC LIMIT ?) h), '[]'::json) AS timeline
    FROM matched m ORDER BY m.ord`;
  const bindings: Knex.RawBinding[] = [
    actor.orgId,
    textArray(candidates.map((candidate) => candidate.address)),
    textArray(candidates.map((candidate) => candidate.domain)),
    textArray(candidates.map((candidate) => candidate.phone)),
    ...visible.bindings,
    timelineLimit,
  ];
  const result = await db.raw<{ rows: SenderRow[] }>(sql, bindings).options(preparedStatement(sql));
  return result.rows.map((row) => ({ ...row, ord: Number(row.ord) }));
}

interface FilingRow {
  source: 'filed' | 'thread';
  email_id: string | null;
  filed_by: string | null;
  filed_by_name: string | null;
  filed_at: Date | null;
  record_type: RecordType | null;
  record_id: string | null;
  record_name: string | null;
}

export interface FilingRows {
  email: { id: string; filedBy: { id: string; name: string } | null; filedAt: Date } | null;
  links: NamedRecordRef[];
  suggestedLinks: NamedRecordRef[];
}

const named = (row: FilingRow): NamedRecordRef => ({
  type: row.record_type!,
  id: row.record_id!,
  name: row.record_name ?? '',
});

/** Whether the message (by key) is filed where the actor can see it, and the records its thread was filed to. */
export async function filingRows(
  db: Db,
  actor: Actor,
  key: string,
  threadKeys: readonly string[],
): Promise<FilingRows> {
  const visible = visibleActivities(actor, 'a');
  const sql = `
    SELECT 'filed' AS source, a.id AS email_id, m.filed_by, u.name AS filed_by_name, m.filed_at,
           l.record_type, l.record_id, ${recordNameSql('l')} AS record_name
    FROM activities a
    JOIN email_messages m ON m.org_id = a.org_id AND m.activity_id = a.id
    LEFT JOIN users u ON u.org_id = m.org_id AND u.id = m.filed_by
    LEFT JOIN activity_links l ON l.org_id = a.org_id AND l.activity_id = a.id
    WHERE a.org_id = ? AND a.message_key = ? AND a.deleted_at IS NULL AND ${visible.sql}
    UNION ALL
    SELECT DISTINCT 'thread', CAST(NULL AS uuid), CAST(NULL AS uuid), CAST(NULL AS text), CAST(NULL AS timestamptz), l.record_type, l.record_id, ${recordNameSql('l')}
    FROM activities a JOIN activity_links l ON l.org_id = a.org_id AND l.activity_id = a.id
    WHERE a.org_id = ? AND a.message_key = ANY(CAST(? AS text[])) AND a.deleted_at IS NULL AND ${visible.sql}`;
  const bindings: Knex.RawBinding[] = [
    actor.orgId,
    key,
    ...visible.bindings,
    actor.orgId,
    [...threadKeys],
    ...visible.bindings,
  ];
  const result = await db.raw<{ rows: FilingRow[] }>(sql, bindings).options(preparedStatement(sql));
  const filed = result.rows.filter((row) => row.source === 'filed');
  const first = filed[0];
  const linked = filed.filter((row) => row.record_id !== null).map(named);
  const suggested = result.rows
    .filter(
      (row) =>
        row.source === 'thread' &&
        !linked.some((link) => link.type === row.record_type && link.id === row.record_id),
    )
    .map(named);
  return {
    email: first
      ? {
          id: first.email_id!,
          filedBy: first.filed_by ? { id: first.filed_by, name: first.filed_by_name ?? '' } : null,
          filedAt: first.filed_at!,
        }
      : null,
    links: linked,
    suggestedLinks: suggested.filter(
      (link, index) =>
        suggested.findIndex((other) => other.type === link.type && other.id === link.id) === index,
    ),
  };
}
