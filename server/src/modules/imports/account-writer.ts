import type { Knex } from 'knex';
import { AccountCreate, AccountUpdate, foldForSearch, type Account } from '@inbox-crm/shared';
import { accountHoldingDomain, accountsService } from '../accounts/index.js';
import { ownerIn, phoneIn, text } from './cell-values.js';
import { companyDomain, domainOf } from './company.js';
import { RowRefused } from './outcome.js';
import { checked, differing, type RecordWriter } from './record-writer.js';

interface AccountRow {
  name: string | undefined;
  domain: string | null;
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
    const written = values.domain ?? website;
    const domain = written === undefined ? null : domainOf(written);
    if (values.domain !== undefined && domain === null)
      throw new RowRefused(`Domain “${values.domain}” is not a domain name.`);
    const name = text(values, 'name', 'Name', 200);
    if (name === undefined && domain === null)
      throw new RowRefused('The row has neither a name nor a domain.');
    return {
      name,
      domain: companyDomain(domain, context),
      website,
      phone: phoneIn(values, 'phone', 'Phone', context.mail.defaultCountry),
      industry: text(values, 'industry', 'Industry', 100),
      ownerId: ownerIn(values, context),
    };
  },
  label: (row) => row.name ?? row.domain ?? '',
  key: (row) => row.domain ?? `name:${foldForSearch(row.name ?? '')}`,
  async find(trx, context, row) {
    const { orgId } = context.actor;
    const byDomain = row.domain === null ? undefined : await accountHoldingDomain(trx, orgId, row.domain);
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
        domains: row.domain === null ? [] : [row.domain],
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
      domains:
        row.domain !== null && !existing.domains.includes(row.domain)
          ? [...existing.domains, row.domain]
          : undefined,
      website: row.website,
      phone: row.phone,
      industry: row.industry,
      ownerId: row.ownerId,
    });
    return Promise.resolve({ fields, createdAccountId: null });
  },
  get: (trx, actor, id) => accountsService.get(trx, actor, id),
  update: (trx, actor, id, fields) =>
    accountsService.update(trx, actor, id, checked(AccountUpdate, fields as AccountUpdate)),
};
