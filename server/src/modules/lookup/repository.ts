import type { Knex } from 'knex';
import {
  MAX_LOOKUP_ADDRESSES_IN_QUERY,
  type MatchKind,
  type SenderView,
  type TimelineEntry,
} from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { runPrepared } from '../../db/prepared-statement.js';
import { iso, isoOrNull, textArray, type Db } from '../../db/types.js';
import { timelineEntry, type TimelineRow } from '../timeline/index.js';
import { userNames, userRef } from '../users/index.js';
import { ReadBatches } from '../../db/read-batches.js';
import { visibleActivities, type SqlFragment } from '../../db/visibility.js';
import {
  filingColumn,
  filingOf,
  filingRowsOfJson,
  filingStatement,
  type FilingJsonRow,
  type FilingQuery,
  type FilingRow,
  type FilingRows,
} from './filing-sql.js';
import { senderViewSql } from './sender-view-sql.js';

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

type Contact = NonNullable<SenderView['contact']>;
type Account = NonNullable<SenderView['account']>;
type Task = SenderView['tasks'][number];

/** A row as the statement returns it: owners as ids, times as PostgreSQL renders them in JSON. */
interface StoredSenderRow extends Omit<SenderRow, 'contact' | 'account' | 'tasks' | 'timeline'> {
  contact: (Omit<Contact, 'owner'> & { ownerId: string | null }) | null;
  account: (Omit<Account, 'owner'> & { ownerId: string | null }) | null;
  tasks: (Omit<Task, 'assignee'> & { assigneeId: string | null })[];
  timeline: TimelineRow[];
}

// Each record is written out field by field rather than spread: this runs for every sender view
// asked, and copying the parsed rows with spreads cost more than the rest of the mapping.
function toSenderRow(row: StoredSenderRow, names: ReadonlyMap<string, string>): SenderRow {
  const { contact, account } = row;
  return {
    ord: Number(row.ord),
    match: row.match,
    in_full: row.in_full,
    matched_domain: row.matched_domain,
    suppressed: row.suppressed,
    contact: contact && {
      id: contact.id,
      name: contact.name,
      firstName: contact.firstName,
      lastName: contact.lastName,
      title: contact.title,
      emails: contact.emails,
      phones: contact.phones,
      owner: userRef(names, contact.ownerId),
      accountId: contact.accountId,
      consents: contact.consents,
    },
    account: account && {
      id: account.id,
      name: account.name,
      domains: account.domains,
      website: account.website,
      phone: account.phone,
      owner: userRef(names, account.ownerId),
    },
    opportunities: row.opportunities,
    cases: row.cases.map((item) => ({
      id: item.id,
      subject: item.subject,
      status: item.status,
      priority: item.priority,
      updatedAt: iso(item.updatedAt),
    })),
    tasks: row.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      dueAt: isoOrNull(task.dueAt),
      priority: task.priority,
      assignee: userRef(names, task.assigneeId),
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

/** A column added to the sender-view statement (see senderViewSql), with its bindings. */
interface ExtraColumn {
  variant: string;
  column: () => string;
  bindings: readonly Knex.RawBinding[];
}

/** The statement for one query as the actor may see it (`visible`: their rule on activities). */
function senderStatement<Row extends StoredSenderRow = StoredSenderRow>(
  db: Db,
  orgId: string,
  visible: SqlFragment,
  query: SenderQuery,
  options: SenderOptions,
  extra: ExtraColumn | null = null,
): Promise<Row[]> {
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
    ...(extra?.bindings ?? []),
  ];
  return runPrepared<Row>(db, senderViewSql(query.mode, visible.sql, extra), bindings);
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

/** Views asked in full by address share statements with others asked meanwhile (sharedStatement). */
const sharesStatement = (db: Db, query: SenderQuery, options: SenderOptions): query is AddressQuery =>
  query.mode === 'address' && options.allInFull && !db.isTransaction;

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
  const [rows, names] = await Promise.all([
    sharesStatement(db, query, options)
      ? sharedStatement(db as Knex, actor.orgId, visible, query, options.timelineLimit)
      : senderStatement(db, actor.orgId, visible, query, options),
    userNames(db, actor.orgId),
  ]);
  return rows.map((row) => toSenderRow(row, names));
}

/**
 * The sender views of these addresses and the filing of the message read (`filing` null: none).
 * Views asked in full share a statement with others asked meanwhile, so the filing runs beside it;
 * otherwise the filing is one more column of the views' own statement, and the question (the
 * card's, the pane's for many recipients) is one round trip.
 */
export async function addressRowsAndFiling(
  db: Db,
  actor: Actor,
  query: AddressQuery,
  options: SenderOptions,
  filing: FilingQuery | null,
): Promise<{ rows: SenderRow[]; filing: FilingRows | null }> {
  if (filing === null || sharesStatement(db, query, options)) {
    const [rows, filed] = await Promise.all([
      senderRows(db, actor, query, options),
      filing && filingRows(db, actor, filing),
    ]);
    return { rows, filing: filed };
  }
  const statement = filingStatement(actor, filing);
  const extra = {
    variant: statement.variant,
    column: () => filingColumn(statement.sql),
    bindings: statement.bindings,
  };
  const visible = visibleActivities(actor, 'l');
  const [stored, names] = await Promise.all([
    senderStatement<StoredSenderRow & { filing: FilingJsonRow[] | null }>(
      db,
      actor.orgId,
      visible,
      query,
      options,
      extra,
    ),
    userNames(db, actor.orgId),
  ]);
  return {
    rows: stored.map(({ filing: _, ...row }) => toSenderRow(row, names)),
    filing: filingOf(filingRowsOfJson(stored[0]?.filing ?? null)),
  };
}

/** Whether the message (by key) is filed where the actor can see it, and the records its thread was filed to. */
export async function filingRows(db: Db, actor: Actor, query: FilingQuery): Promise<FilingRows> {
  const { sql, bindings } = filingStatement(actor, query);
  return filingOf(await runPrepared<FilingRow>(db, sql, bindings));
}
