import type { Knex } from 'knex';
import type { Account, AccountCreate, AccountListQuery, AccountUpdate, PageOf } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { RecordService } from '../../http/record-routes.js';
import { searchText } from '../../db/search.js';
import { mailSettings } from '../organisation/settings-cache.js';
import {
  createRecord,
  getRecord,
  setRecordDeleted,
  updateRecord,
  type RecordKind,
} from '../records/lifecycle.js';
import { normalizeDomains, normalizePhone } from '../records/normalize.js';
import { checkReferences } from '../records/references.js';
import * as accounts from './repository.js';

export const accountKind: RecordKind<Account> = {
  table: 'accounts',
  entity: 'account',
  label: 'Account',
  load: accounts.loadAccount,
};

export const listAccounts = (db: Knex, actor: Actor, query: AccountListQuery): Promise<PageOf<Account>> =>
  accounts.listAccounts(db, actor.orgId, query);

export const getAccount = (db: Knex, actor: Actor, id: string) => getRecord(db, actor, accountKind, id);

async function normalized(db: Knex, actor: Actor, input: AccountCreate | AccountUpdate) {
  const settings = await mailSettings(db, actor.orgId);
  return {
    domains: input.domains && normalizeDomains(input.domains, settings.freeMailDomains),
    phone: input.phone ? normalizePhone(input.phone, settings.defaultCountry, '/phone') : input.phone,
  };
}

export async function createAccount(db: Knex, actor: Actor, input: AccountCreate): Promise<Account> {
  const { domains = [], phone = null } = await normalized(db, actor, input);
  return createRecord(db, actor, accountKind, async (trx, id) => {
    await checkReferences(trx, actor.orgId, [{ field: 'ownerId', type: 'user', id: input.ownerId }]);
    await accounts.insertAccount(trx, actor.orgId, id, {
      name: input.name.trim(),
      website: input.website ?? null,
      industry: input.industry ?? null,
      phone,
      owner_id: input.ownerId === undefined ? actor.userId : input.ownerId,
      search_text: searchText(input.name, domains, input.website, input.industry),
    });
    await accounts.replaceDomains(trx, actor.orgId, id, domains);
  });
}

export async function updateAccount(
  db: Knex,
  actor: Actor,
  id: string,
  input: AccountUpdate,
): Promise<Account> {
  const { domains, phone } = await normalized(db, actor, input);
  return updateRecord(db, actor, accountKind, id, input.version, async (trx, before) => {
    await checkReferences(trx, actor.orgId, [{ field: 'ownerId', type: 'user', id: input.ownerId }]);
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
    if (domains) await accounts.replaceDomains(trx, actor.orgId, id, domains);
  });
}

export const deleteAccount = (db: Knex, actor: Actor, id: string) =>
  setRecordDeleted(db, actor, accountKind, id, true);
export const restoreAccount = (db: Knex, actor: Actor, id: string) =>
  setRecordDeleted(db, actor, accountKind, id, false);

export const accountsService: RecordService<Account, AccountCreate, AccountUpdate, AccountListQuery> = {
  list: listAccounts,
  get: getAccount,
  create: createAccount,
  update: updateAccount,
  remove: deleteAccount,
  restore: restoreAccount,
};
