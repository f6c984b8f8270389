import type { Knex } from 'knex';
import { AccountCreate, AccountUpdate, foldForSearch, type Account } from '@inbox-crm/shared';
import { accountHoldingDomain, accountsService, loadAccounts } from '../accounts/index.js';
import { ownerIn, phoneIn, text } from './cell-values.js';
import { companyDomain, domainOf } from './company.js';
import { RowRefused } from './outcome.js';
import { checked, differing, type RecordWriter } from './record-writer.js';

interface AccountRow {
  name: string | undefined;
  /** The first matches; all are the account's. */
  domains: string[];
  website: string | undefined;
  phone: string | undefined;
  industry: string | undefined;
  ownerId: string | undefined;
}

async function accountNamed(trx: Knex.Transaction, orgId: string, name: string) {
  return (await trx('accounts')
    .where({ org_id: orgId, merged_into_id: null })
    .whereRaw('lower(name) = lower(?)', [name])
    .orderByRaw('deleted_at IS NOT NULL, id')
    .first('id', 'deleted_at')) as { id: string; deleted_at: Date | null } | undefined;
}

/** Accounts are matched by domain (the domain column's, else the website's), then by name. */
export const accountWriter: RecordWriter<AccountRow, Account> = {
  table: 'accounts',
  read(values, context) {
    const website = text(values, 'website', 'Website', 500);
    const written = values.domain?.split(/[\s,;]+/).filter(Boolean) ?? (website ? [website] : []);
    const domains = written.map((cell) => {
      const domain = domainOf(cell);
      if (domain === null && values.domain !== undefined)
        throw new RowRefused(`Domain “${cell}” is not a domain name.`);
      return domain;
    });
    const name = text(values, 'name', 'Name', 200);
    const kept = [
      ...new Set(domains.map((domain) => companyDomain(domain, context)).filter((domain) => domain !== null)),
    ];
    if (name === undefined && kept.length === 0)
      throw new RowRefused('The row has neither a name nor a domain.');
    return {
      name,
      domains: kept,
      website,
      phone: phoneIn(values, 'phone', 'Phone', context.mail.defaultCountry),
      industry: text(values, 'industry', 'Industry', 100),
      ownerId: ownerIn(values, context),
    };
  },
  label: (row) => row.name ?? row.domains[0] ?? '',
  key: (row) => row.domains[0] ?? `name:${foldForSearch(row.name ?? '')}`,
  async find(trx, context, row) {
    const { orgId } = context.actor;
    const [domain] = row.domains;
    const byDomain = domain === undefined ? undefined : await accountHoldingDomain(trx, orgId, domain);
    const holder = byDomain
      ? { id: byDomain.id, deleted_at: byDomain.live ? null : new Date() }
      : row.name === undefined
        ? undefined
        : await accountNamed(trx, orgId, row.name);
    if (!holder) return undefined;
    if (holder.deleted_at !== null)
      throw new RowRefused(`${accountWriter.label(row)} is an account in the trash: restore it first.`);
    return accountsService.get(trx, context.actor, holder.id);
  },
  async create(trx, context, row) {
    if (row.name === undefined) throw new RowRefused('The name is empty: new accounts need one.');
    const account = await accountsService.create(
      trx,
      context.actor,
      checked(AccountCreate, {
        name: row.name,
        domains: row.domains,
        ...(row.website !== undefined ? { website: row.website } : {}),
        ...(row.phone !== undefined ? { phone: row.phone } : {}),
        ...(row.industry !== undefined ? { industry: row.industry } : {}),
        ...(row.ownerId !== undefined ? { ownerId: row.ownerId } : {}),
      }),
    );
    context.accountsMade.add(accountWriter.key(row));
    return { id: account.id, createdAccountId: null };
  },
  changes(_trx, _context, row, existing) {
    const fields = differing(existing, {
      name: row.name,
      domains: row.domains.some((domain) => !existing.domains.includes(domain))
        ? [...new Set([...existing.domains, ...row.domains])]
        : undefined,
      website: row.website,
      phone: row.phone,
      industry: row.industry,
      ownerId: row.ownerId,
    });
    return Promise.resolve({ fields, createdAccountId: null });
  },
  get: (trx, actor, id) => accountsService.get(trx, actor, id),
  getMany: (trx, actor, ids) => loadAccounts(trx, actor.orgId, ids),
  update: (trx, actor, id, fields) =>
    accountsService.update(trx, actor, id, checked(AccountUpdate, fields as AccountUpdate)),
};
