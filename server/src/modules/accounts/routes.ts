import { Account, AccountCreate, AccountListQuery, AccountUpdate } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { registerRecordRoutes } from '../../http/record-routes.js';
import { accountsService } from './service.js';

/** Accounts: list, read, create, update (versioned), soft delete and restore. */
export async function accountRoutes(app: App): Promise<void> {
  registerRecordRoutes(
    app,
    {
      path: 'accounts',
      item: Account,
      create: AccountCreate,
      update: AccountUpdate,
      query: AccountListQuery,
    },
    accountsService,
  );
}
