export { lookupRoutes } from './routes.js';
export { lookup } from './service.js';
