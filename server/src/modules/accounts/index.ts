export { accountRoutes } from './routes.js';
export { accountsService, insertAccountIn, insertAccountsIn, type NewAccount } from './service.js';
export {
  accountHoldingDomain,
  accountsByDomainsAndNames,
  loadAccount,
  loadAccounts,
  updateAccountColumns,
} from './repository.js';
