export { accountRoutes } from './routes.js';
export { accountsService } from './service.js';
export { loadAccount, updateAccountColumns } from './repository.js';
