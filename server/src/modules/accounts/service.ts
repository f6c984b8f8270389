import type { Knex } from 'knex';
import type { Account, AccountCreate, AccountListQuery, AccountUpdate } from '@inbox-crm/shared';
import type { Actor, AuditActor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import { searchText } from '../../db/search.js';
import { Conflict } from '../../errors.js';
import { mailSettings } from '../organisation/index.js';
import {
  checkReferences,
  createRecord,
  insertRecord,
  insertRecords,
  normalizeDomains,
  normalizePhone,
  type RecordKind,
  recordService,
  referencesIn,
  updateRecord,
} from '../records/index.js';
import * as accounts from './repository.js';

const accountKind: RecordKind<Account> = {
  table: 'accounts',
  entity: 'account',
  label: 'Account',
  load: accounts.loadAccount,
};

async function normalized(db: Knex, actor: Actor, input: AccountCreate | AccountUpdate) {
  const settings = await mailSettings(db, actor.orgId);
  return {
    domains: input.domains && normalizeDomains(input.domains, settings.freeMailDomains),
    phone: input.phone ? normalizePhone(input.phone, settings.defaultCountry, '/phone') : input.phone,
  };
}

/** Gives the account exactly these domains; one another account holds is a 409 naming it. */
async function giveDomains(db: Db, orgId: string, accountId: string, domains: readonly string[]) {
  const taken = await accounts.domainsHeldElsewhere(db, orgId, accountId, domains);
  if (taken.length > 0) {
    throw new Conflict(`${taken[0]!.domain} already belongs to another account.`, taken);
  }
  await accounts.replaceDomains(db, orgId, accountId, domains);
}

async function createAccount(db: Knex, actor: Actor, input: AccountCreate): Promise<Account> {
  const { domains = [], phone = null } = await normalized(db, actor, input);
  return createRecord(db, actor, accountKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, { ownerId: 'user' }));
    await accounts.insertAccount(trx, actor.orgId, id, {
      name: input.name.trim(),
      website: input.website ?? null,
      industry: input.industry ?? null,
      phone,
      owner_id: input.ownerId === undefined ? actor.userId : input.ownerId,
      search_text: searchText(input.name, domains, input.website, input.industry),
    });
    await giveDomains(trx, actor.orgId, id, domains);
  });
}

async function updateAccount(db: Knex, actor: Actor, id: string, input: AccountUpdate): Promise<Account> {
  const { domains, phone } = await normalized(db, actor, input);
  return updateRecord(db, actor, accountKind, id, input.version, async (trx, before) => {
    await checkReferences(trx, actor.orgId, referencesIn(input, { ownerId: 'user' }));
    const name = input.name?.trim() ?? before.name;
    const website = input.website === undefined ? before.website : input.website;
    const industry = input.industry === undefined ? before.industry : input.industry;
    const nextDomains = domains ?? before.domains;
    await accounts.updateAccountColumns(trx, actor.orgId, id, {
      name,
      website,
      industry,
      ...(phone !== undefined ? { phone } : {}),
      ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
      search_text: searchText(name, nextDomains, website, industry),
    });
    if (domains) await giveDomains(trx, actor.orgId, id, domains);
  });
}

export const accountsService = recordService<Account, AccountCreate, AccountUpdate, AccountListQuery>(
  accountKind,
  {
    list: (db, actor, query) => accounts.listAccounts(db, actor.orgId, query),
    create: createAccount,
    update: updateAccount,
  },
);

/**
 * An account made by automation (a support mailbox meeting a new company's domain), in the
 * caller's transaction, holding that one domain (which no account holds yet).
 */
export function insertAccountIn(
  trx: Knex.Transaction,
  actor: AuditActor,
  input: { name: string; domain: string },
): Promise<Account> {
  return insertRecord(trx, actor, accountKind, async (inner, id) => {
    await accounts.insertAccount(inner, actor.orgId, id, {
      name: input.name,
      owner_id: null,
      search_text: searchText(input.name, [input.domain]),
    });
    await accounts.addDomains(inner, actor.orgId, id, [input.domain]);
  });
}

/** An account an import makes for a company its rows name. */
export interface NewAccount {
  name: string;
  /** Registrable domains, none of them free mail. */
  domains: string[];
  ownerId: string | null;
}

/**
 * Many new accounts at once (an import), in the caller's transaction, each holding domains no
 * account holds yet; then each published as any new account is. A batch that breaks a rule is
 * refused whole.
 */
export async function insertAccountsIn(
  trx: Knex.Transaction,
  actor: AuditActor,
  inputs: readonly NewAccount[],
): Promise<Account[]> {
  if (inputs.length === 0) return [];
  const domains = inputs.flatMap((input) => input.domains);
  if (new Set(domains).size < domains.length) throw new Conflict('Two new accounts have the same domain.');
  const held = await accounts.domainsHeld(trx, actor.orgId, domains);
  if (held.length > 0) throw new Conflict(`${held[0]} already belongs to another account.`);
  await checkReferences(
    trx,
    actor.orgId,
    inputs.map((input, index) => ({ field: `${index}/ownerId`, type: 'user' as const, id: input.ownerId })),
  );
  return insertRecords(trx, actor, accountKind, inputs.length, (inner, ids) =>
    accounts.insertAccounts(
      inner,
      actor.orgId,
      inputs.map((input, index) => ({
        id: ids[index]!,
        name: input.name.trim(),
        owner_id: input.ownerId,
        search_text: searchText(input.name, input.domains),
        domains: input.domains,
      })),
    ),
  );
}
