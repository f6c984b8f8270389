export { importRoutes } from './routes.js';
export { importWork } from './import-work.js';
