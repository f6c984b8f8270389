import type { Knex } from 'knex';
import type { NamedRecordRef, RecordType } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { statementText } from '../../db/prepared-statement.js';
import { recordNameSql } from '../../db/record-names.js';
import { visibleActivities } from '../../db/visibility.js';

/** How a message's thread was found. */
export type ThreadMatch = 'references' | 'conversation';

/** The message's thread: its ancestors' Message-IDs, and the mail client's conversation in a mailbox. */
export interface ThreadQuery {
  keys: readonly string[];
  conversationId: string | null;
  /** The shared mailbox the message is read in; null: the reader's own, where they filed it. */
  mailbox: string | null;
}

/** The filing question of one message: its key (normalized Message-ID) and its thread. */
export interface FilingQuery {
  key: string;
  thread: ThreadQuery;
}

export interface FilingRow {
  source: 'filed' | ThreadMatch;
  /** Whether the actor may see the message's email (its other rows are never shown). */
  visible: boolean;
  /** The message's email is in the trash (deleted, or an automatic filing undone). */
  deleted: boolean;
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
  /** How the thread's records were found, if they were. */
  thread: ThreadMatch | null;
  /** The message was filed once, by anyone, privately or not, in the trash or not. */
  known: boolean;
}

// The message's own links (source 'filed'), then the links of the filed messages of its thread by
// References, then of those filed from the same conversation of the same mailbox (a conversation
// id names a thread in one mailbox only: the reader's own, or a shared one). A message that
// references none (most that start a thread) skips the second part: the check on the bound array
// alone is decided before any row is read, where a generic plan would otherwise scan a small
// organisation's emails for an empty list.
const filingSql = (visible: string) => `
  SELECT 'filed' AS source, ${visible} AS visible, a.deleted_at IS NOT NULL AS deleted, a.id AS email_id,
         m.filed_by, u.name AS filed_by_name, m.filed_at, l.record_type, l.record_id,
         ${recordNameSql('l')} AS record_name
  FROM activities a
  JOIN email_messages m ON m.org_id = a.org_id AND m.activity_id = a.id
  LEFT JOIN users u ON u.org_id = m.org_id AND u.id = m.filed_by
  LEFT JOIN activity_links l ON l.org_id = a.org_id AND l.activity_id = a.id
  WHERE a.org_id = ? AND a.message_key = ?
  UNION ALL
  SELECT DISTINCT 'references', true, false, CAST(NULL AS uuid), CAST(NULL AS uuid), CAST(NULL AS text), CAST(NULL AS timestamptz),
         l.record_type, l.record_id, ${recordNameSql('l')}
  FROM activities a JOIN activity_links l ON l.org_id = a.org_id AND l.activity_id = a.id
  WHERE cardinality(CAST(? AS text[])) > 0
    AND a.org_id = ? AND a.message_key = ANY(CAST(? AS text[])) AND a.deleted_at IS NULL AND ${visible}
  UNION ALL
  SELECT DISTINCT 'conversation', true, false, CAST(NULL AS uuid), CAST(NULL AS uuid), CAST(NULL AS text), CAST(NULL AS timestamptz),
         l.record_type, l.record_id, ${recordNameSql('l')}
  FROM email_messages m
  JOIN activities a ON a.org_id = m.org_id AND a.id = m.activity_id
  JOIN activity_links l ON l.org_id = a.org_id AND l.activity_id = a.id
  WHERE m.org_id = ? AND m.conversation_id = CAST(? AS text) AND a.message_key <> ? AND a.deleted_at IS NULL
    AND (m.mailbox = CAST(? AS text) OR (m.mailbox IS NULL AND CAST(? AS text) IS NULL AND m.filed_by = ?))
    AND ${visible}`;

/** The filing statement for the actor, with its bindings in order; `variant` names its text. */
export function filingStatement(
  actor: Actor,
  { key, thread }: FilingQuery,
): { variant: string; sql: string; bindings: Knex.RawBinding[] } {
  const visible = visibleActivities(actor, 'a');
  const variant = `filing\n${visible.sql}`;
  return {
    variant,
    sql: statementText(variant, () => filingSql(visible.sql)),
    bindings: [
      ...visible.bindings,
      actor.orgId,
      key,
      [...thread.keys],
      actor.orgId,
      [...thread.keys],
      ...visible.bindings,
      actor.orgId,
      thread.conversationId,
      key,
      thread.mailbox,
      thread.mailbox,
      actor.userId,
      ...visible.bindings,
    ],
  };
}

/**
 * The filing statement as one JSON column of another statement (the sender view's), answered on
 * its first row only; an uncorrelated subquery, so PostgreSQL runs it once.
 */
export function filingColumn(filingSqlText: string): string {
  return `CASE WHEN m.ord = 1 THEN (SELECT json_agg(f) FROM (${filingSqlText}) f) END AS filing`;
}

/** A filing row as that column brings it: its time as JSON renders it. */
export type FilingJsonRow = Omit<FilingRow, 'filed_at'> & { filed_at: string | null };

/** The column's rows (null: none) as the filing statement answers them. */
export function filingRowsOfJson(rows: readonly FilingJsonRow[] | null): FilingRow[] {
  return (rows ?? []).map((row) => ({
    ...row,
    filed_at: row.filed_at === null ? null : new Date(row.filed_at),
  }));
}

const namedRecord = (row: FilingRow): NamedRecordRef => ({
  type: row.record_type!,
  id: row.record_id!,
  name: row.record_name ?? '',
});
const sameRecord = (a: NamedRecordRef, b: NamedRecordRef) => a.type === b.type && a.id === b.id;

/** Whether the message is filed where the actor can see it, and the records its thread was filed to. */
export function filingOf(rows: readonly FilingRow[]): FilingRows {
  const filed = rows.filter((row) => row.source === 'filed' && row.visible && !row.deleted);
  const first = filed[0];
  const links = filed.filter((row) => row.record_id !== null).map(namedRecord);
  const suggestedLinks: NamedRecordRef[] = [];
  // By References first: a conversation is only a hint.
  const threadRows = [
    ...rows.filter((row) => row.source === 'references'),
    ...rows.filter((row) => row.source === 'conversation'),
  ];
  for (const row of threadRows) {
    const link = namedRecord(row);
    if (![...links, ...suggestedLinks].some((other) => sameRecord(other, link))) suggestedLinks.push(link);
  }
  const threadMatch = threadRows.length === 0 ? null : (threadRows[0]!.source as ThreadMatch);
  const email = first
    ? {
        id: first.email_id!,
        filedBy: first.filed_by ? { id: first.filed_by, name: first.filed_by_name ?? '' } : null,
        filedAt: first.filed_at!,
      }
    : null;
  const known = rows.some((row) => row.source === 'filed');
  return { email, links, suggestedLinks, thread: threadMatch, known };
}
