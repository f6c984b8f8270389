import type { Knex } from 'knex';
import { madeAccountsOf } from './company-desk.js';
import type { ImportRevertCounts } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import { deferRowsIn, writeDeferredRows } from '../../db/deferred-rows.js';
import type { Clock } from '../../jobs/clock.js';
import { wayGiver } from '../../jobs/give-way.js';
import { DomainError, NotFound } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { forgetExternalIdsOf } from './external-ids.js';
import { importerOf } from './importer.js';
import type { ImportedRecord, RecordWriter } from './record-writer.js';
import { IMPORT_LEASE_MS, updateImport, type CsvImportRow } from './repository.js';
import { writtenRows, type WrittenRow } from './rows-repository.js';
import { WRITERS } from './writers.js';

const BATCH_ROWS = 500;

type Writer = RecordWriter<unknown, ImportedRecord>;
type Table = Writer['table'];

const ENTITY: Record<Table, string> = {
  accounts: 'account',
  contacts: 'contact',
  opportunities: 'opportunity',
  cases: 'case',
  activities: 'activity',
};

// What else may point at a record the import made: each query answers the ids (of :ids) in use, and
// a record in use stays. Links of activities in the trash do not count (the timeline index leaves
// them out, and it is that index these queries use).
const usedBy = (table: string, column: string) =>
  `SELECT ${column} AS id FROM ${table} WHERE org_id = :org AND ${column} = ANY(CAST(:ids AS uuid[]))`;
const linkedAs = (recordType: string) =>
  `SELECT record_id AS id FROM activity_links
    WHERE org_id = :org AND record_type = '${recordType}' AND record_id = ANY(CAST(:ids AS uuid[])) AND NOT deleted`;

const USES: Record<Table, string[]> = {
  accounts: [
    usedBy('contacts', 'account_id'),
    usedBy('opportunities', 'account_id'),
    usedBy('cases', 'account_id'),
    usedBy('tasks', 'account_id'),
    linkedAs('account'),
  ],
  contacts: [
    usedBy('opportunities', 'contact_id'),
    usedBy('cases', 'contact_id'),
    usedBy('tasks', 'contact_id'),
    linkedAs('contact'),
    usedBy('consent_entries', 'contact_id'),
  ],
  opportunities: [usedBy('tasks', 'opportunity_id'), linkedAs('opportunity')],
  cases: [usedBy('tasks', 'case_id'), linkedAs('case')],
  activities: [],
};

async function inUse(
  trx: Knex.Transaction,
  table: Table,
  orgId: string,
  ids: string[],
): Promise<Set<string>> {
  if (USES[table].length === 0 || ids.length === 0) return new Set();
  const { rows } = await trx.raw<{ rows: { id: string }[] }>(USES[table].join(' UNION '), {
    org: orgId,
    ids,
  });
  return new Set(rows.map((row) => row.id));
}

/** The records by id, as the writer's service reads them; those gone are left out. */
async function recordsOf(
  trx: Knex.Transaction,
  actor: Actor,
  writer: Writer,
  ids: string[],
): Promise<Map<string, ImportedRecord>> {
  if (writer.getMany)
    return new Map((await writer.getMany(trx, actor, ids)).map((record) => [record.id, record]));
  const found = new Map<string, ImportedRecord>();
  for (const id of ids) {
    try {
      found.set(id, await writer.get(trx, actor, id));
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
    }
  }
  return found;
}

/** Deletes the records the import made, except those someone changed or uses since (those are kept). */
async function deleteMade(
  trx: Knex.Transaction,
  actor: Actor,
  writer: Writer,
  ids: string[],
  counts: ImportRevertCounts,
): Promise<void> {
  if (ids.length === 0) return;
  const records = await recordsOf(trx, actor, writer, ids);
  const used = await inUse(trx, writer.table, actor.orgId, [...records.keys()]);
  const deletable = [...records.values()].filter(
    (record) => record.version === 1 && record.deletedAt === null && !used.has(record.id),
  );
  const deletableIds = deletable.map((record) => record.id);
  for (const record of deletable)
    await recordAudit(trx, actor, 'delete', ENTITY[writer.table], record.id, record, null);
  await forgetExternalIdsOf(trx, actor.orgId, deletableIds);
  await trx(writer.table).where({ org_id: actor.orgId }).whereIn('id', deletableIds).delete();
  counts.deleted += deletable.length;
  counts.kept += records.size - deletable.length;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Restore {
  current: ImportedRecord;
  fields: Record<string, unknown>;
  /** Every field the import changed goes back (none was changed again since). */
  whole: boolean;
}

/** The fields of one update to put back: those that still hold what the import wrote. */
function restoreOf(current: ImportedRecord, row: WrittenRow): Restore | undefined {
  const now = current as unknown as Record<string, unknown>;
  const applied = Object.entries(row.applied ?? {});
  const fields = Object.fromEntries(
    applied
      .filter(([field, value]) => same(now[field], value))
      .map(([field]) => [field, row.previous?.[field] ?? null]),
  );
  const count = Object.keys(fields).length;
  if (count === 0 || current.deletedAt !== null) return undefined;
  return { current, fields, whole: count === applied.length };
}

/** Puts one record's fields back, in a savepoint; whether the service took them. */
async function restoreOne(trx: Knex.Transaction, actor: Actor, writer: Writer, restore: Restore) {
  try {
    await trx.transaction((savepoint) =>
      writer.update(savepoint, actor, restore.current.id, {
        ...restore.fields,
        version: restore.current.version,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** Puts many records' fields back at once where the writer can, else (or if the batch is refused) one by one. */
async function restoreAll(
  trx: Knex.Transaction,
  actor: Actor,
  writer: Writer,
  restores: Restore[],
): Promise<boolean[]> {
  if (writer.reviseMany && restores.length > 0) {
    try {
      await trx.transaction(async (savepoint) => {
        deferRowsIn(savepoint);
        await writer.reviseMany!(
          savepoint,
          actor,
          restores.map(({ current, fields }) => ({ before: current, fields })),
        );
        await writeDeferredRows(savepoint);
      });
      return restores.map(() => true);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  const taken: boolean[] = [];
  for (const restore of restores) taken.push(await restoreOne(trx, actor, writer, restore));
  return taken;
}

/** Puts back the fields the updates changed, those nobody changed again since. */
async function restoreChanged(
  trx: Knex.Transaction,
  actor: Actor,
  writer: Writer,
  rows: WrittenRow[],
  counts: ImportRevertCounts,
): Promise<void> {
  const records = await recordsOf(
    trx,
    actor,
    writer,
    rows.map((row) => row.record_id!),
  );
  const restores: Restore[] = [];
  for (const row of rows) {
    const current = records.get(row.record_id!);
    if (!current) continue;
    const restore = restoreOf(current, row);
    if (restore) restores.push(restore);
    else counts.kept += 1;
  }
  const taken = await restoreAll(trx, actor, writer, restores);
  restores.forEach((restore, index) => {
    if (taken[index] && restore.whole) counts.restored += 1;
    else counts.kept += 1;
  });
}

/**
 * Undoes an import, a batch of rows at a time: what it made is deleted and what it changed is put
 * back, field by field, where nobody has changed or used the record since; those are kept and
 * counted. Accounts made for companies go last, once the records that named them are gone. Running
 * it again after a crash does no harm: deleted records are gone and restored fields already hold
 * their old values.
 */
export async function revertImport(knex: Knex, row: CsvImportRow, clock: Clock): Promise<void> {
  const actor = await importerOf(knex, { ...row, created_by: row.reverted_by ?? row.created_by });
  const writer = WRITERS[row.record_type];
  const counts: ImportRevertCounts = { deleted: 0, restored: 0, kept: 0 };
  const madeAccounts: string[] = [];
  const giveWay = wayGiver();
  const inBatch = async (work: (trx: Knex.Transaction) => Promise<void>) => {
    await knex.transaction(async (trx) => {
      deferRowsIn(trx);
      await work(trx);
      await writeDeferredRows(trx);
      await updateImport(trx, row.org_id, row.id, {
        leased_until: new Date(clock.now().getTime() + IMPORT_LEASE_MS),
      });
    });
    await giveWay();
  };
  for (let after = 0; ;) {
    const rows = await writtenRows(knex, row.org_id, row.id, after, BATCH_ROWS);
    if (rows.length === 0) break;
    await inBatch(async (trx) => {
      const made = rows.filter((written) => written.action === 'create').map((written) => written.record_id!);
      await deleteMade(trx, actor, writer, made, counts);
      await restoreChanged(
        trx,
        actor,
        writer,
        rows.filter((written) => written.action === 'update'),
        counts,
      );
    });
    for (const written of rows) if (written.created_account_id) madeAccounts.push(written.created_account_id);
    after = rows[rows.length - 1]!.row_number;
  }
  // Chunks written side by side note the accounts they made at the company desk.
  const accounts = [...new Set([...madeAccounts, ...(await madeAccountsOf(knex, row.org_id, row.id))])];
  for (let start = 0; start < accounts.length; start += BATCH_ROWS) {
    await inBatch((trx) =>
      deleteMade(trx, actor, WRITERS.account, accounts.slice(start, start + BATCH_ROWS), counts),
    );
  }
  await updateImport(knex, row.org_id, row.id, {
    status: 'reverted',
    reverted: counts,
    reverted_at: clock.now(),
    leased_until: null,
  });
}
