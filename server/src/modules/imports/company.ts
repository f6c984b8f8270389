import type { Knex } from 'knex';
import { emailDomain, foldForSearch, isFreeMailDomain, registrableDomain } from '@inbox-crm/shared';
import { accountHoldingDomain, accountsService } from '../accounts/index.js';
import type { ImportContext } from './import-context.js';
import { RowRefused } from './outcome.js';

/** The registrable domain a cell names, whether written as a domain, a host or a website address. */
export function domainOf(value: string): string | null {
  const host = value
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#:].*$/, '');
  return registrableDomain(host);
}

/** A domain that may identify an account: not free mail, not the organisation's own. */
export function companyDomain(domain: string | null, context: ImportContext): string | null {
  if (domain === null || isFreeMailDomain(domain, context.mail.freeMailDomains)) return null;
  return context.mail.ownDomains.includes(domain) ? null : domain;
}

/** The company domain of an address, if its domain can identify an account. */
export const addressDomain = (email: string, context: ImportContext) =>
  companyDomain(registrableDomain(emailDomain(email)), context);

export interface Company {
  name: string | undefined;
  domain: string | null;
}

/** The live, unmerged account named so (the oldest, if several are). */
async function accountNamed(trx: Knex.Transaction, orgId: string, name: string): Promise<string | undefined> {
  const row = (await trx('accounts')
    .where({ org_id: orgId, deleted_at: null, merged_into_id: null })
    .whereRaw('lower(name) = lower(?)', [name.trim()])
    .orderBy('id')
    .first('id')) as { id: string } | undefined;
  return row?.id;
}

/**
 * The account a row's company is: the one holding its domain, else the one of its name; made when
 * there is none and `mayCreate`. Answers whether this row made it (a dry run makes again, quietly,
 * an account an earlier row of the same run made).
 */
export async function resolveCompany(
  trx: Knex.Transaction,
  context: ImportContext,
  company: Company,
  mayCreate: boolean,
): Promise<{ accountId: string; made: boolean } | null> {
  const { orgId } = context.actor;
  if (company.domain !== null) {
    const holder = await accountHoldingDomain(trx, orgId, company.domain);
    if (holder?.live) return { accountId: holder.id, made: false };
    if (holder)
      throw new RowRefused(
        `The account with the domain ${company.domain} is in the trash: restore it first.`,
      );
  }
  const found = company.name === undefined ? undefined : await accountNamed(trx, orgId, company.name);
  if (found) return { accountId: found, made: false };
  // A domain alone (an address's) links to its account, but names none to make.
  if (company.name === undefined) return null;
  if (!mayCreate) {
    throw new RowRefused(`No account ${company.name} exists, and this import only updates.`);
  }
  const key = company.domain ?? `name:${foldForSearch(company.name)}`;
  const account = await accountsService.create(trx, context.actor, {
    name: company.name,
    domains: company.domain === null ? [] : [company.domain],
  });
  const made = !context.accountsMade.has(key);
  context.accountsMade.add(key);
  return { accountId: account.id, made };
}
