import type { Knex } from 'knex';
import { emailDomain, foldForSearch, isFreeMailDomain, registrableDomain } from '@inbox-crm/shared';
import {
  accountHoldingDomain,
  accountsByDomainsAndNames,
  accountsService,
  insertAccountsIn,
  type NewAccount,
} from '../accounts/index.js';
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

type NoteMade = (accountIds: readonly string[]) => Promise<void>;

/**
 * Runs a company lookup (and what it makes) in the chunk's transaction, or, when the import's chunks
 * run side by side, at its company desk.
 */
function atDesk<T>(
  trx: Knex.Transaction,
  context: ImportContext,
  work: (db: Knex.Transaction, noteMade: NoteMade) => Promise<T>,
): Promise<T> {
  return context.desk ? context.desk.make(work) : work(trx, async () => {});
}

/**
 * The account a row's company is: the one holding its domain, else the one of its name; made when
 * there is none and `mayCreate`. Answers whether this row made it (a dry run makes again, quietly,
 * an account an earlier row of the same run made).
 */
export function resolveCompany(
  trx: Knex.Transaction,
  context: ImportContext,
  company: Company,
  mayCreate: boolean,
): Promise<{ accountId: string; made: boolean } | null> {
  return atDesk(trx, context, async (db, noteMade) => {
    const { orgId } = context.actor;
    if (company.domain !== null) {
      const holder = await accountHoldingDomain(db, orgId, company.domain);
      if (holder?.live) return { accountId: holder.id, made: false };
      if (holder)
        throw new RowRefused(
          `The account with the domain ${company.domain} is in the trash: restore it first.`,
        );
    }
    const found = company.name === undefined ? undefined : await accountNamed(db, orgId, company.name);
    if (found) return { accountId: found, made: false };
    // A domain alone (an address's) links to its account, but names none to make.
    if (company.name === undefined) return null;
    if (!mayCreate) {
      throw new RowRefused(`No account ${company.name} exists, and this import only updates.`);
    }
    const key = company.domain ?? `name:${foldForSearch(company.name)}`;
    const account = await accountsService.create(db, context.actor, {
      name: company.name,
      domains: company.domain === null ? [] : [company.domain],
    });
    await noteMade([account.id]);
    const made = !context.accountsMade.has(key);
    context.accountsMade.add(key);
    return { accountId: account.id, made };
  });
}

type Resolved = { accountId: string; made: boolean } | null | RowRefused;

/**
 * resolveCompany for many rows at once: two lookups for all of them, and one insert for the new
 * accounts they name (each company made once, however many rows name it).
 */
export function resolveCompanies(
  trx: Knex.Transaction,
  context: ImportContext,
  companies: readonly Company[],
  mayCreate: boolean,
): Promise<Resolved[]> {
  return atDesk(trx, context, (db, noteMade) =>
    resolveCompaniesIn(db, context, companies, mayCreate, noteMade),
  );
}

async function resolveCompaniesIn(
  trx: Knex.Transaction,
  context: ImportContext,
  companies: readonly Company[],
  mayCreate: boolean,
  noteMade: NoteMade,
): Promise<Resolved[]> {
  const { actor } = context;
  const domains = [
    ...new Set(companies.map((company) => company.domain).filter((domain) => domain !== null)),
  ];
  const names = [...new Set(companies.map((company) => company.name).filter((name) => name !== undefined))];
  const { byDomain, byName } = await accountsByDomainsAndNames(trx, actor.orgId, domains, names);
  const toMake = new Map<string, NewAccount>();
  const keyOf = (company: Company) => company.domain ?? `name:${foldForSearch(company.name!)}`;
  const found: (Resolved | 'make')[] = companies.map((company) => {
    const holder = company.domain === null ? undefined : byDomain.get(company.domain);
    if (holder?.live) return { accountId: holder.id, made: false };
    if (holder)
      return new RowRefused(
        `The account with the domain ${company.domain} is in the trash: restore it first.`,
      );
    const named = company.name === undefined ? undefined : byName.get(company.name.trim().toLowerCase());
    if (named) return { accountId: named, made: false };
    if (company.name === undefined) return null;
    if (!mayCreate) return new RowRefused(`No account ${company.name} exists, and this import only updates.`);
    const key = keyOf(company);
    if (!toMake.has(key)) {
      toMake.set(key, {
        name: company.name,
        domains: company.domain === null ? [] : [company.domain],
        ownerId: actor.userId,
      });
    }
    return 'make';
  });
  const made = await insertAccountsIn(trx, actor, [...toMake.values()]);
  await noteMade(made.map((account) => account.id));
  const madeIds = new Map([...toMake.keys()].map((key, index) => [key, made[index]!.id]));
  return found.map((result, index) => {
    if (result !== 'make') return result;
    const key = keyOf(companies[index]!);
    const first = !context.accountsMade.has(key);
    context.accountsMade.add(key);
    return { accountId: madeIds.get(key)!, made: first };
  });
}
