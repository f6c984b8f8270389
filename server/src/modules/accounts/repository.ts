import { preparedStatement } from '../../db/prepared-statement.js';
import { registrableDomain, type Account, type AccountListQuery, type PageOf } from '@inbox-crm/shared';
import { pageById } from '../../db/pagination.js';
import { whereSearchMatches } from '../../db/search.js';
import { recordMeta, type RecordMetaRow } from '../../db/record-meta.js';
import type { Db } from '../../db/types.js';

interface AccountRow extends RecordMetaRow {
  name: string;
  website: string | null;
  industry: string | null;
  phone: string | null;
  owner_id: string | null;
  domains: string[];
  merged_into_id: string | null;
}

export interface AccountColumns {
  name?: string;
  website?: string | null;
  industry?: string | null;
  phone?: string | null;
  owner_id?: string | null;
  search_text?: string;
}

const toAccount = (row: AccountRow): Account => ({
  ...recordMeta(row),
  name: row.name,
  domains: row.domains,
  website: row.website,
  industry: row.industry,
  phone: row.phone,
  ownerId: row.owner_id,
  mergedIntoId: row.merged_into_id,
});

function selectAccounts(db: Db, orgId: string) {
  return db('accounts as a')
    .where('a.org_id', orgId)
    .select(
      'a.*',
      db.raw(
        `ARRAY(SELECT d.domain FROM account_domains d WHERE d.org_id = a.org_id AND d.account_id = a.id ORDER BY d.domain) AS domains`,
      ),
    );
}

export async function loadAccount(db: Db, orgId: string, id: string): Promise<Account | undefined> {
  const row = (await selectAccounts(db, orgId).where('a.id', id).first()) as AccountRow | undefined;
  return row && toAccount(row);
}

/** Accounts by id, live or in the trash, in no particular order. */
export async function loadAccounts(db: Db, orgId: string, ids: readonly string[]): Promise<Account[]> {
  if (ids.length === 0) return [];
  const rows = (await selectAccounts(db, orgId).whereIn('a.id', ids)) as AccountRow[];
  return rows.map(toAccount);
}

export function listAccounts(db: Db, orgId: string, query: AccountListQuery): Promise<PageOf<Account>> {
  const builder = selectAccounts(db, orgId);
  if (query.deleted) builder.whereNotNull('a.deleted_at');
  else builder.whereNull('a.deleted_at');
  if (query.ownerId) builder.where('a.owner_id', query.ownerId);
  if (query.domain) {
    builder.whereExists(
      db('account_domains as d')
        .whereRaw('d.org_id = a.org_id AND d.account_id = a.id')
        .where('d.domain', registrableDomain(query.domain) ?? query.domain.toLowerCase()),
    );
  }
  whereSearchMatches(builder, 'a.search_vector', query.q);
  return pageById(builder, { ...query, idColumn: 'a.id' }, toAccount);
}

export async function insertAccount(
  db: Db,
  orgId: string,
  id: string,
  columns: AccountColumns,
): Promise<void> {
  await db('accounts').insert({ org_id: orgId, id, ...columns });
}

/** The accounts holding these domains, by domain, and the live unmerged accounts of these names, by lower-case name (the oldest of each). */
export async function accountsByDomainsAndNames(
  db: Db,
  orgId: string,
  domains: readonly string[],
  names: readonly string[],
): Promise<{ byDomain: Map<string, { id: string; live: boolean }>; byName: Map<string, string> }> {
  const domainRows =
    domains.length === 0
      ? []
      : ((await db('account_domains as d')
          .join('accounts as a', function joinAccount() {
            this.on('a.org_id', 'd.org_id').andOn('a.id', 'd.account_id');
          })
          .where('d.org_id', orgId)
          .whereIn('d.domain', domains)
          .select('d.domain', 'a.id', 'a.deleted_at')) as {
          domain: string;
          id: string;
          deleted_at: Date | null;
        }[]);
  const nameRows =
    names.length === 0
      ? []
      : ((await db('accounts')
          .where({ org_id: orgId, deleted_at: null, merged_into_id: null })
          .whereRaw('lower(name) = ANY(CAST(? AS text[]))', [names.map((name) => name.toLowerCase())])
          .orderBy('id', 'desc')
          .select('id', db.raw('lower(name) AS name'))) as { id: string; name: string }[]);
  return {
    byDomain: new Map(domainRows.map((row) => [row.domain, { id: row.id, live: row.deleted_at === null }])),
    // Newest first, so the oldest of a name is set last and wins.
    byName: new Map(nameRows.map((row) => [row.name, row.id])),
  };
}

/** A new account as insertAccounts writes it. */
export interface NewAccountRow {
  id: string;
  name: string;
  owner_id: string | null;
  search_text: string;
  domains: readonly string[];
}

const ROWS_PER_INSERT = 1000;

/** Many new accounts with their domains, a statement per table: the accounts as stored. */
export async function insertAccounts(
  db: Db,
  orgId: string,
  rows: readonly NewAccountRow[],
): Promise<Account[]> {
  const stored: RecordMetaRow[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const slice = rows.slice(start, start + ROWS_PER_INSERT);
    stored.push(
      ...((await db('accounts')
        .insert(slice.map(({ domains: _domains, ...columns }) => ({ org_id: orgId, ...columns })))
        .returning(['id', 'version', 'created_at', 'updated_at', 'deleted_at'])) as RecordMetaRow[]),
    );
  }
  const domains = rows.flatMap((row) =>
    row.domains.map((domain) => ({ org_id: orgId, account_id: row.id, domain })),
  );
  for (let start = 0; start < domains.length; start += ROWS_PER_INSERT) {
    await db('account_domains').insert(domains.slice(start, start + ROWS_PER_INSERT));
  }
  const meta = new Map(stored.map((row) => [row.id, row]));
  return rows.map((row) =>
    toAccount({
      ...meta.get(row.id)!,
      name: row.name,
      website: null,
      industry: null,
      phone: null,
      owner_id: row.owner_id,
      domains: [...row.domains].sort(),
      merged_into_id: null,
    }),
  );
}

/** Which of these domains any account holds. */
export async function domainsHeld(db: Db, orgId: string, domains: readonly string[]): Promise<string[]> {
  if (domains.length === 0) return [];
  return (await db('account_domains')
    .where({ org_id: orgId })
    .whereIn('domain', domains)
    .pluck('domain')) as string[];
}

export async function updateAccountColumns(
  db: Db,
  orgId: string,
  id: string,
  columns: AccountColumns,
): Promise<void> {
  if (Object.keys(columns).length > 0) await db('accounts').where({ org_id: orgId, id }).update(columns);
}

/** Which of these domains other accounts hold already, and which account holds each. */
export async function domainsHeldElsewhere(
  db: Db,
  orgId: string,
  accountId: string,
  domains: readonly string[],
): Promise<{ domain: string; accountId: string }[]> {
  if (domains.length === 0) return [];
  const rows = (await db('account_domains')
    .where({ org_id: orgId })
    .whereIn('domain', domains)
    .whereNot({ account_id: accountId })
    .select('domain', 'account_id')) as { domain: string; account_id: string }[];
  return rows.map((row) => ({ domain: row.domain, accountId: row.account_id }));
}

/** Gives the account exactly these domains (none of them held by another account). */
export async function replaceDomains(
  db: Db,
  orgId: string,
  accountId: string,
  domains: readonly string[],
): Promise<void> {
  await db('account_domains')
    .where({ org_id: orgId, account_id: accountId })
    .whereNotIn('domain', domains)
    .delete();
  await addDomains(db, orgId, accountId, domains);
}

/** Adds these domains (none of them held by another account) to the account's. */
export async function addDomains(
  db: Db,
  orgId: string,
  accountId: string,
  domains: readonly string[],
): Promise<void> {
  if (domains.length > 0) {
    await db('account_domains')
      .insert(domains.map((domain) => ({ org_id: orgId, account_id: accountId, domain })))
      .onConflict(['org_id', 'domain'])
      .ignore();
  }
}

/** The account holding a domain (live or in the trash). */
const ACCOUNT_HOLDING_DOMAIN = `SELECT a.id, a.deleted_at
  FROM account_domains d JOIN accounts a ON a.org_id = d.org_id AND a.id = d.account_id
  WHERE d.org_id = ? AND d.domain = ? LIMIT 1`;

export async function accountHoldingDomain(
  db: Db,
  orgId: string,
  domain: string,
): Promise<{ id: string; live: boolean } | undefined> {
  const { rows } = await db
    .raw<{ rows: { id: string; deleted_at: Date | null }[] }>(ACCOUNT_HOLDING_DOMAIN, [orgId, domain])
    .options(preparedStatement(ACCOUNT_HOLDING_DOMAIN));
  const row = rows[0];
  return row && { id: row.id, live: row.deleted_at === null };
}
