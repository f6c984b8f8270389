import type { Knex } from 'knex';
import type { ImportRevertCounts } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Clock } from '../../jobs/clock.js';
import { DomainError, NotFound } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { forgetExternalIdsOf } from './external-ids.js';
import { importerOf } from './importer.js';
import type { ImportedRecord, RecordWriter } from './record-writer.js';
import { IMPORT_LEASE_MS, updateImport, type CsvImportRow } from './repository.js';
import { writtenRows, type WrittenRow } from './rows-repository.js';
import { WRITERS } from './writers.js';

const BATCH_ROWS = 200;

type Table = RecordWriter<unknown, ImportedRecord>['table'];

const ENTITY: Record<Table, string> = {
  accounts: 'account',
  contacts: 'contact',
  opportunities: 'opportunity',
  cases: 'case',
  activities: 'activity',
};

// What else may point at a record the import made: if anything does, the record is in use and stays.
// Links of activities in the trash do not count (they are what the timeline index leaves out).
const USES: Record<Table, string[]> = {
  accounts: [
    'SELECT 1 FROM contacts WHERE org_id = :org AND account_id = :id',
    'SELECT 1 FROM opportunities WHERE org_id = :org AND account_id = :id',
    'SELECT 1 FROM cases WHERE org_id = :org AND account_id = :id',
    'SELECT 1 FROM tasks WHERE org_id = :org AND account_id = :id',
    "SELECT 1 FROM activity_links WHERE org_id = :org AND record_type = 'account' AND record_id = :id AND NOT deleted",
  ],
  contacts: [
    'SELECT 1 FROM opportunities WHERE org_id = :org AND contact_id = :id',
    'SELECT 1 FROM cases WHERE org_id = :org AND contact_id = :id',
    'SELECT 1 FROM tasks WHERE org_id = :org AND contact_id = :id',
    "SELECT 1 FROM activity_links WHERE org_id = :org AND record_type = 'contact' AND record_id = :id AND NOT deleted",
    'SELECT 1 FROM consent_entries WHERE org_id = :org AND contact_id = :id',
  ],
  opportunities: [
    'SELECT 1 FROM tasks WHERE org_id = :org AND opportunity_id = :id',
    "SELECT 1 FROM activity_links WHERE org_id = :org AND record_type = 'opportunity' AND record_id = :id AND NOT deleted",
  ],
  cases: [
    'SELECT 1 FROM tasks WHERE org_id = :org AND case_id = :id',
    "SELECT 1 FROM activity_links WHERE org_id = :org AND record_type = 'case' AND record_id = :id AND NOT deleted",
  ],
  activities: [],
};

async function inUse(trx: Knex.Transaction, table: Table, orgId: string, id: string): Promise<boolean> {
  if (USES[table].length === 0) return false;
  const sql = `SELECT EXISTS (${USES[table].join(' UNION ALL ')}) AS used`;
  const { rows } = await trx.raw<{ rows: { used: boolean }[] }>(sql, { org: orgId, id });
  return rows[0]!.used;
}

/** Deletes a record the import made, unless someone changed it or uses it since; whether it did. */
async function deleteMade(
  trx: Knex.Transaction,
  actor: Actor,
  table: Table,
  get: (trx: Knex.Transaction, actor: Actor, id: string) => Promise<ImportedRecord>,
  id: string,
): Promise<'deleted' | 'kept' | 'gone'> {
  let record: ImportedRecord;
  try {
    record = await get(trx, actor, id);
  } catch (error) {
    if (error instanceof NotFound) return 'gone';
    throw error;
  }
  if (record.version > 1 || record.deletedAt !== null || (await inUse(trx, table, actor.orgId, id)))
    return 'kept';
  await recordAudit(trx, actor, 'delete', ENTITY[table], id, record, null);
  await forgetExternalIdsOf(trx, actor.orgId, [id]);
  await trx(table).where({ org_id: actor.orgId, id }).delete();
  return 'deleted';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Puts back the fields an update changed, those nobody changed again since; whether it could. */
async function restoreChanged(
  trx: Knex.Transaction,
  actor: Actor,
  writer: RecordWriter<unknown, ImportedRecord>,
  row: WrittenRow,
): Promise<'restored' | 'kept' | 'gone'> {
  let current: ImportedRecord;
  try {
    current = await writer.get(trx, actor, row.record_id!);
  } catch (error) {
    if (error instanceof NotFound) return 'gone';
    throw error;
  }
  const now = current as unknown as Record<string, unknown>;
  const back = Object.fromEntries(
    Object.entries(row.applied ?? {})
      .filter(([field, value]) => same(now[field], value))
      .map(([field]) => [field, row.previous?.[field] ?? null]),
  );
  if (Object.keys(back).length === 0 || current.deletedAt !== null) return 'kept';
  try {
    await trx.transaction((savepoint) =>
      writer.update(savepoint, actor, current.id, { ...back, version: current.version }),
    );
  } catch (error) {
    if (error instanceof DomainError) return 'kept';
    throw error;
  }
  return Object.keys(back).length === Object.keys(row.applied ?? {}).length ? 'restored' : 'kept';
}

async function revertRow(
  trx: Knex.Transaction,
  actor: Actor,
  writer: RecordWriter<unknown, ImportedRecord>,
  row: WrittenRow,
) {
  if (row.action === 'update') return restoreChanged(trx, actor, writer, row);
  return deleteMade(trx, actor, writer.table, writer.get, row.record_id!);
}

/**
 * Undoes an import: what it made is deleted and what it changed is put back, field by field, where
 * nobody has changed or used the record since; those are kept and counted. Accounts made for
 * companies go last, once the records that named them are gone. Running it again after a crash
 * does no harm: deleted records are gone and restored fields already hold their old values.
 */
export async function revertImport(knex: Knex, row: CsvImportRow, clock: Clock): Promise<void> {
  const actor = await importerOf(knex, { ...row, created_by: row.reverted_by ?? row.created_by });
  const writer = WRITERS[row.record_type];
  const accounts = WRITERS.account;
  const counts: ImportRevertCounts = { deleted: 0, restored: 0, kept: 0 };
  const tally = (outcome: 'deleted' | 'restored' | 'kept' | 'gone') => {
    if (outcome !== 'gone') counts[outcome] += 1;
  };
  const madeAccounts: string[] = [];
  for (let after = 0; ;) {
    const rows = await writtenRows(knex, row.org_id, row.id, after, BATCH_ROWS);
    if (rows.length === 0) break;
    await knex.transaction(async (trx) => {
      for (const written of rows) {
        tally(await revertRow(trx, actor, writer, written));
        if (written.created_account_id) madeAccounts.push(written.created_account_id);
      }
      await updateImport(trx, row.org_id, row.id, {
        leased_until: new Date(clock.now().getTime() + IMPORT_LEASE_MS),
      });
    });
    after = rows[rows.length - 1]!.row_number;
  }
  for (let start = 0; start < madeAccounts.length; start += BATCH_ROWS) {
    await knex.transaction(async (trx) => {
      for (const id of madeAccounts.slice(start, start + BATCH_ROWS))
        tally(await deleteMade(trx, actor, 'accounts', accounts.get, id));
    });
  }
  await updateImport(knex, row.org_id, row.id, {
    status: 'reverted',
    reverted: counts,
    reverted_at: clock.now(),
    leased_until: null,
  });
}
