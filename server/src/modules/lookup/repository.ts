import type { Knex } from 'knex';
import {
  MAX_LOOKUP_ADDRESSES_IN_QUERY,
  type MatchKind,
  type NamedRecordRef,
  type RecordType,
  type SenderView,
  type TimelineEntry,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { runPrepared, statementText } from '../../db/prepared-statement.js';
import { recordNameSql } from '../../db/record-names.js';
import { iso, isoOrNull, textArray, type Db } from '../../db/types.js';
import { timelineEntry, type TimelineRow } from '../timeline/index.js';
import { userNames, userRef } from '../users/index.js';
import { ReadBatches } from '../../db/read-batches.js';
import { visibleActivities, type SqlFragment } from '../../db/visibility.js';
import { senderViewSql } from './sender-view-sql.js';

/** How a message's thread was found. */
type ThreadMatch = 'references' | 'conversation';

export interface SenderRow {
  ord: number;
  match: MatchKind;
  /** False for a brief row: the match only, its open items and timeline left empty. */
  in_full: boolean;
  matched_domain: string | null;
  /** No contact holds the address, and it is on the suppression list. */
  suppressed: boolean;
  contact: SenderView['contact'];
  account: SenderView['account'];
  opportunities: SenderView['opportunities'];
  cases: SenderView['cases'];
  tasks: SenderView['tasks'];
  timeline: TimelineEntry[];
}

type WithOwnerId<T> = Omit<T, 'owner'> & { ownerId: string | null };

/** A row as the statement returns it: owners as ids, times as PostgreSQL renders them in JSON. */
interface StoredSenderRow extends Omit<SenderRow, 'contact' | 'account' | 'cases' | 'tasks' | 'timeline'> {
  contact: WithOwnerId<NonNullable<SenderView['contact']>> | null;
  account: WithOwnerId<NonNullable<SenderView['account']>> | null;
  cases: SenderView['cases'];
  tasks: (Omit<SenderView['tasks'][number], 'assignee'> & { assigneeId: string | null })[];
  timeline: TimelineRow[];
}

function named<T extends { ownerId: string | null }>(record: T | null, names: ReadonlyMap<string, string>) {
  if (record === null) return null;
  const { ownerId, ...rest } = record;
  return { ...rest, owner: userRef(names, ownerId) };
}

function toSenderRow(row: StoredSenderRow, names: ReadonlyMap<string, string>): SenderRow {
  return {
    ...row,
    ord: Number(row.ord),
    contact: named(row.contact, names),
    account: named(row.account, names),
    cases: row.cases.map((item) => ({ ...item, updatedAt: iso(item.updatedAt) })),
    tasks: row.tasks.map(({ assigneeId, ...task }) => ({
      ...task,
      dueAt: isoOrNull(task.dueAt),
      assignee: userRef(names, assigneeId),
    })),
    timeline: row.timeline.map((entry) => timelineEntry(entry, names)),
  };
}

/** What to look up by address: each with its registrable domain (null for free-mail: no domain match). */
interface AddressQuery {
  mode: 'address';
  addresses: readonly string[];
  domains: ReadonlyArray<string | null>;
  /** The addresses as the suppression list keeps them (privacy's addressHashes). */
  hashes: readonly string[];
}

/** What to look up: addresses, or phones. */
export type SenderQuery = AddressQuery | { mode: 'phone'; phones: readonly string[] };

interface SenderOptions {
  timelineLimit: number;
  firstLeads: boolean;
  allInFull: boolean;
}

/** The statement for one query as the actor may see it (`visible`: their rule on activities). */
function senderStatement(
  db: Db,
  orgId: string,
  visible: SqlFragment,
  query: SenderQuery,
  options: SenderOptions,
): Promise<StoredSenderRow[]> {
  const inputs =
    query.mode === 'address'
      ? [[...query.addresses], textArray(query.domains), [...query.hashes]]
      : [[...query.phones]];
  const bindings: Knex.RawBinding[] = [
    orgId,
    ...inputs,
    options.firstLeads,
    options.allInFull,
    ...visible.bindings,
    options.timelineLimit,
  ];
  return runPrepared<StoredSenderRow>(db, senderViewSql(query.mode, visible.sql), bindings);
}

// Sender views asked in full answer each address on its own row, whoever else is asked beside it:
// those of one organisation and one visibility rule that arrive together share a statement (and
// its round trip). Two may run at once, one per core of a small machine, while the next gathers.
const SHARED_STATEMENTS = { maxInFlight: 2, maxSize: MAX_LOOKUP_ADDRESSES_IN_QUERY } as const;
const sharedByDatabase = new WeakMap<Knex, ReadBatches<AddressQuery, StoredSenderRow[]>>();

function sharedStatement(
  db: Knex,
  orgId: string,
  visible: SqlFragment,
  query: AddressQuery,
  timelineLimit: number,
): Promise<StoredSenderRow[]> {
  let batches = sharedByDatabase.get(db);
  if (batches === undefined) {
    batches = new ReadBatches(SHARED_STATEMENTS, (part) => part.addresses.length);
    sharedByDatabase.set(db, batches);
  }
  const key = `${orgId}\n${timelineLimit}\n${visible.sql}\n${visible.bindings.join('\n')}`;
  return batches.ask(key, query, async (parts) => {
    const rows = await senderStatement(
      db,
      orgId,
      visible,
      {
        mode: 'address',
        addresses: parts.flatMap((part) => part.addresses),
        domains: parts.flatMap((part) => part.domains),
        hashes: parts.flatMap((part) => part.hashes),
      },
      { timelineLimit, firstLeads: false, allInFull: true },
    );
    // One row per address, in the order asked: each part takes its own.
    let start = 0;
    return parts.map((part) => {
      const own = rows.slice(start, start + part.addresses.length);
      start += part.addresses.length;
      return own;
    });
  });
}

/**
 * The sender view of every asked address (or phone), in the order asked, in one round trip: in full
 * for each, or (`allInFull` false) for the leading match only (the first asked, or the best).
 */
export async function senderRows(
  db: Db,
  actor: Actor,
  query: SenderQuery,
  options: SenderOptions,
): Promise<SenderRow[]> {
  const visible = visibleActivities(actor, 'l');
  const canShare = query.mode === 'address' && options.allInFull && !db.isTransaction;
  const [rows, names] = await Promise.all([
    canShare
      ? sharedStatement(db as Knex, actor.orgId, visible, query, options.timelineLimit)
      : senderStatement(db, actor.orgId, visible, query, options),
    userNames(db, actor.orgId),
  ]);
  return rows.map((row) => toSenderRow(row, names));
}

interface FilingRow {
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

/** The message's thread: its ancestors' Message-IDs, and the mail client's conversation in a mailbox. */
export interface ThreadQuery {
  keys: readonly string[];
  conversationId: string | null;
  /** The shared mailbox the message is read in; null: the reader's own, where they filed it. */
  mailbox: string | null;
}

// The message's own links (source 'filed'), then the links of the filed messages of its thread by
// References, then of those filed from the same conversation of the same mailbox (a conversation
// id names a thread in one mailbox only: the reader's own, or a shared one).
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
  WHERE a.org_id = ? AND a.message_key = ANY(CAST(? AS text[])) AND a.deleted_at IS NULL AND ${visible}
  UNION ALL
  SELECT DISTINCT 'conversation', true, false, CAST(NULL AS uuid), CAST(NULL AS uuid), CAST(NULL AS text), CAST(NULL AS timestamptz),
         l.record_type, l.record_id, ${recordNameSql('l')}
  FROM email_messages m
  JOIN activities a ON a.org_id = m.org_id AND a.id = m.activity_id
  JOIN activity_links l ON l.org_id = a.org_id AND l.activity_id = a.id
  WHERE m.org_id = ? AND m.conversation_id = CAST(? AS text) AND a.message_key <> ? AND a.deleted_at IS NULL
    AND (m.mailbox = CAST(? AS text) OR (m.mailbox IS NULL AND CAST(? AS text) IS NULL AND m.filed_by = ?))
    AND ${visible}`;

const namedRecord = (row: FilingRow): NamedRecordRef => ({
  type: row.record_type!,
  id: row.record_id!,
  name: row.record_name ?? '',
});
const sameRecord = (a: NamedRecordRef, b: NamedRecordRef) => a.type === b.type && a.id === b.id;

/** Whether the message (by key) is filed where the actor can see it, and the records its thread was filed to. */
export async function filingRows(
  db: Db,
  actor: Actor,
  key: string,
  thread: ThreadQuery,
): Promise<FilingRows> {
  const visible = visibleActivities(actor, 'a');
  const sql = statementText(`filing\n${visible.sql}`, () => filingSql(visible.sql));
  const bindings: Knex.RawBinding[] = [
    ...visible.bindings,
    actor.orgId,
    key,
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
  ];
  const rows = await runPrepared<FilingRow>(db, sql, bindings);
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
