export { accountRoutes } from './routes.js';
export { accountsService } from './service.js';
export { loadAccount } from './repository.js';
