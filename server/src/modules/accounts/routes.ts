import { Account, AccountCreate, AccountListQuery, AccountUpdate } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { registerRecordRoutes } from '../../http/record-routes.js';
import * as service from './service.js';

export async function accountsRoutes(app: App): Promise<void> {
  registerRecordRoutes<Account, AccountCreate, AccountUpdate, AccountListQuery>(
    app,
    'accounts',
    { item: Account, create: AccountCreate, update: AccountUpdate, query: AccountListQuery },
    {
      list: (actor, query) => service.listAccounts(app.db, actor, query),
      get: (actor, id) => service.getAccount(app.db, actor, id),
      create: (actor, input) => service.createAccount(app.db, actor, input),
      update: (actor, id, input) => service.updateAccount(app.db, actor, id, input),
      remove: (actor, id) => service.deleteAccount(app.db, actor, id),
      restore: (actor, id) => service.restoreAccount(app.db, actor, id),
    },
  );
}
