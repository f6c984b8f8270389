export { accountRoutes } from './routes.js';
export { accountsService, insertAccountIn } from './service.js';
export { accountHoldingDomain, loadAccount, updateAccountColumns } from './repository.js';
