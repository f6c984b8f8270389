export { recordListRoutes } from './routes.js';
export { listPage } from './service.js';
